#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Print QM2_LO of core/src/ecc/p256_fe.c: the low 128 bits of q - 2 (q the P-256
group order) as sliding windows of at most 4 bits, for rk_p256_sc_inv.
Each {s, i}: square s times, then multiply by a^(2i + 1).  The top 128 bits
(0xffffffff00000000ffffffffffffffff) are done with x32 = a^(2^32 - 1).
Checks that the chain reproduces q - 2 and prints the operation counts.
Python 3 standard library only."""
q = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
e = q - 2
top = e >> 128
assert top == 0xFFFFFFFF00000000FFFFFFFFFFFFFFFF
bits = format(e & (2**128 - 1), "0128b")
steps, i, pend = [], 0, 0
while i < 128:
    if bits[i] == "0":
        pend += 1
        i += 1
        continue
    j = min(i + 4, 128)
    while bits[j - 1] == "0":
        j -= 1
    steps.append((pend + j - i, int(bits[i:j], 2)))
    pend, i = 0, j
assert pend == 0
acc = top
for s, v in steps:
    acc = (acc << s) + v
assert acc == e
rows = ["{ %d, %d }" % (s, (v - 1) // 2) for s, v in steps]
print("static const uint8_t QM2_LO[%d][2] = {" % len(steps))
for k in range(0, len(rows), 9):
    print("    " + ", ".join(rows[k:k + 9]) + ("," if k + 9 < len(rows) else ""))
print("};")
sq = 1 + 30 + 96 + sum(s for s, _ in steps)      # a^2, x4..x32, top, low
mul = 7 + 4 + 2 + len(steps)                      # odd powers, x4..x32, top, low
print("/* %d squarings (incl. a^2), %d multiplications */" % (sq, mul))
