#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Convert the Wycheproof AES JSON files (GCM, KW, KWP, CMAC) into rootkey's
vectors/ text format.  Standard library only.

    tests/tools/wycheproof_aes.py SRC_DIR [DST_DIR]

SRC_DIR is a directory of the Wycheproof JSON files (docs/references.md §9.6: the unchanged copy of
google/wycheproof testvectors_v1 at 507bb99); DST_DIR defaults to vectors/wycheproof.
Every test (tcId) becomes one record; nothing is filtered out, so the test
suites can count each tcId as its own case.  The licence file is copied next
to the output.  Output is deterministic (re-running gives the same bytes).
"""
import json
import os
import shutil
import sys

FILES = {
    # json name: (output name, fields in record order)
    "aes_gcm_test.json": ("aes_gcm.txt", ["key", "iv", "aad", "msg", "ct", "tag"]),
    "aes_wrap_test.json": ("aes_wrap.txt", ["key", "msg", "ct"]),
    "aes_kwp_test.json": ("aes_kwp.txt", ["key", "msg", "ct"]),
    "aes_cmac_test.json": ("aes_cmac.txt", ["key", "msg", "tag"]),
}


def hexlines(name, value, width=64):
    """name = hex, long values split over repeated names (the reader joins them)."""
    if value == "":
        return ["%s = " % name]
    return ["%s = %s" % (name, value[i:i + width]) for i in range(0, len(value), width)]


def convert(src, dst, jname, oname, fields):
    with open(os.path.join(src, jname), encoding="utf-8") as f:
        data = json.load(f)
    out = [
        "# Project Wycheproof %s (google/wycheproof testvectors_v1, commit 507bb99)" % jname,
        "# Apache License 2.0, see LICENSE in this folder.  Converted by",
        "# tests/tools/wycheproof_aes.py; one record per tcId, all %d tests." % data["numberOfTests"],
        "# result is valid / acceptable / invalid as in the JSON; flags are the JSON flags.",
        "",
    ]
    n = 0
    for g in data["testGroups"]:
        for t in g["tests"]:
            out.append("tcid = %d" % t["tcId"])
            for k in ("keySize", "ivSize", "tagSize"):
                if k in g:
                    out.append("%s = %d" % (k.lower(), g[k]))
            for fld in fields:
                out.extend(hexlines(fld, t[fld]))
            out.append('result = "%s"' % t["result"])
            out.append('flags = "%s"' % " ".join(t["flags"]))
            out.append('comment = "%s"' % t["comment"].replace('"', "'"))
            out.append("")
            n += 1
    if n != data["numberOfTests"]:
        raise SystemExit("%s: %d tests, header says %d" % (jname, n, data["numberOfTests"]))
    with open(os.path.join(dst, oname), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))
    print("%s: %d records" % (oname, n))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    src = sys.argv[1] if len(sys.argv) > 1 else sys.exit("usage: wycheproof_aes.py SRC_DIR [DST_DIR] (docs/references.md 9.6)")
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "vectors", "wycheproof")
    os.makedirs(dst, exist_ok=True)
    for jname, (oname, fields) in sorted(FILES.items()):
        convert(src, dst, jname, oname, fields)
    shutil.copyfile(os.path.join(src, "LICENSE"), os.path.join(dst, "LICENSE"))


if __name__ == "__main__":
    main()
