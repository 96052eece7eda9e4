#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Convert a Wycheproof JSON test file into rootkey's vectors/ text format.

    tests/tools/wycheproof2vec.py IN.json OUT.txt

Every test becomes one record.  Group-level scalars and nested objects are
flattened into the record (`keySize`, `publicKey_uncompressed`, ...), then the
test's own fields (`tcId`, `result`, `comment`, hex fields).  Strings that are
hex stay hex; `msg = ` with an empty value is an empty octet string; other
strings are quoted.  Flags are joined with commas.  The Wycheproof licence
(Apache-2.0) travels beside the converted files in vectors/wycheproof/.
Standard library only.
"""
import json
import re
import sys

HEX = re.compile(r'^[0-9a-fA-F]*$')


def flat(prefix, obj, out):
    for k, v in obj.items():
        if k == 'tests':
            continue
        name = f'{prefix}{k}'
        if isinstance(v, dict):
            flat(name + '_', v, out)
        elif isinstance(v, list):
            out[name] = ','.join(str(x) for x in v)
        else:
            out[name] = v


def fmt(v):
    if isinstance(v, bool):
        return '#' + str(int(v))
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str) and HEX.match(v) and len(v) % 2 == 0:
        return v
    s = str(v).replace('"', "'").replace('\n', ' ')
    return f'"{s}"'


def main():
    src, dst = sys.argv[1], sys.argv[2]
    d = json.load(open(src))
    lines = [f'# Wycheproof {d.get("algorithm", "?")}: {src.split("/")[-1]}',
             '# Project Wycheproof test vectors, Apache License 2.0 (see LICENSE in this folder).',
             f'# Converted by tests/tools/wycheproof2vec.py; {d.get("numberOfTests", "?")} tests.',
             '']
    for g in d['testGroups']:
        gf = {}
        flat('', g, gf)
        for t in g['tests']:
            rec = dict(gf)
            for k, v in t.items():
                rec[k] = ','.join(v) if isinstance(v, list) else v
            for k, v in rec.items():
                lines.append(f'{k} = {fmt(v)}')
            lines.append('')
    open(dst, 'w').write('\n'.join(lines))


if __name__ == '__main__':
    main()
