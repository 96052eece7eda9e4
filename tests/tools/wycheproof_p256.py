#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Convert the Wycheproof P-256 files used by tests/t_wycheproof_p256.c into
the vectors/ text format (one record per tcId).  Python 3 standard library.

  tests/tools/wycheproof_p256.py WYCHEPROOF_DIR vectors/wycheproof  (docs/references.md §9.6)
"""
import json
import os
import sys

HDR = """# Project Wycheproof {src} (google/wycheproof testvectors_v1, commit 507bb99)
# Apache License 2.0, see LICENSE in this folder.  Converted by
# tests/tools/wycheproof_p256.py; one record per tcId, all {n} tests.
# result is valid / acceptable / invalid as in the JSON; flags are the JSON flags.
"""


def q(s):
    return '"' + s.replace('"', "'") + '"'


def convert(src_dir, dst_dir, src, dst, fields):
    d = json.load(open(os.path.join(src_dir, src)))
    out = [HDR.format(src=src, n=d["numberOfTests"])]
    count = 0
    for g in d["testGroups"]:
        for t in g["tests"]:
            rec = ["tcid = %d" % t["tcId"]]
            for name, get in fields:
                rec.append("%s = %s" % (name, get(g, t)))
            rec.append("result = " + q(t["result"]))
            rec.append("flags = " + q(" ".join(t["flags"])))
            rec.append("comment = " + q(t["comment"]))
            out.append("\n".join(rec) + "\n")
            count += 1
    assert count == d["numberOfTests"]
    open(os.path.join(dst_dir, dst), "w").write("\n".join(out))


def main():
    src_dir, dst_dir = sys.argv[1], sys.argv[2]
    convert(src_dir, dst_dir, "ecdsa_secp256r1_sha256_p1363_test.json", "ecdsa_p256_sha256_p1363.txt",
            [("key", lambda g, t: g["publicKey"]["uncompressed"]),
             ("msg", lambda g, t: t["msg"]),
             ("sig", lambda g, t: t["sig"])])
    convert(src_dir, dst_dir, "ecdh_secp256r1_ecpoint_test.json", "ecdh_p256_ecpoint.txt",
            [("public", lambda g, t: t["public"]),
             ("private", lambda g, t: t["private"]),
             ("shared", lambda g, t: t["shared"])])


if __name__ == "__main__":
    main()
