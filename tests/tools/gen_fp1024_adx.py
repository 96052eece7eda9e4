#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generate core/src/arith/fp1024_adx.h: the x86-64 MULX/ADCX/ADOX kernel of the
16-limb Montgomery product and squaring of rootkey/fp1024.h.

Python 3 standard library only.  Usage:
    python3 tests/tools/gen_fp1024_adx.py > core/src/arith/fp1024_adx.h

Method (the same three steps as the C kernel fp_mul_wide / fp_sqr_wide /
fp_redc in core/src/arith/fp1024.c, so the same operand bounds hold):
  * wide product t[0 .. 31] = a * b, operand scanning: one row per limb a_i
    with rdx = a_i; each limb position j adds lo(a_i b_j) and the row's
    t[i + j] on the CF chain (ADCX) and hi(a_i b_(j-1)) on the OF chain
    (ADOX), so the two carry chains run side by side without saving flags;
  * squaring: the cross products a_i a_j (i < j) once (same rows), then one
    pass that doubles t on the CF chain and adds the squares a_k^2 on the OF
    chain;
  * Montgomery reduction in place: for i = 0 .. 15, q = t[i] m0inv mod 2^64
    and t[i .. i + 16] += q m (same two-chain rows); the carry out of each
    row goes into t[i + 16] with a carry word cc <= 1 (ADD/ADC); then
    r = t[16 .. 31] - m (SBB chain, stored into r), and r = t[16 .. 31]
    again, with CMOVC over every limb, when that borrowed and cc = 0;
    last, t[0 .. 31] is zeroed (SSE2 stores) before the asm ends.
Constant time by construction: the emitted code has no branch at all, every
memory address is a fixed offset from a pointer argument (no index depends
on data), and it uses only MULX, ADCX, ADOX, ADD, ADC, SBB, IMUL, MOV, XOR
CMOV, PXOR and MOVDQU, whose timing does not depend on their operands' values.
Registers: the product and the reduction keep the row's value in memory
(t is the caller's buffer, zeroed by the reduction's last statement) and use rax (zero), rdx
(multiplier), r8 .. r11 (lo/hi pairs; the reduction's carry word is an operand); every other register is
left to the compiler for the pointer arguments.
"""
import re

PAIRS = [("%r8", "%r9"), ("%r10", "%r11")]
CLOBBERS = '"rax", "rdx", "r8", "r9", "r10", "r11", "cc", "memory"'


def emit_row(L, srcs, tbase, fresh, store_first=True):
    """One row: t[tbase + j] (+)= lo(rdx srcs[j]) + hi(rdx srcs[j - 1]) for
    j < n = len(srcs), carries included; returns the register that holds
    the limb above the row (hi_(n-1) plus the pending carries).  Flags must
    be clear (XOR) and rdx the multiplier.  fresh: t[tbase ..] holds
    nothing yet (0), so one chain is enough.  store_first=False: limb
    tbase is not stored (a reduction row makes it 0)."""
    prev_hi = None
    for j, src in enumerate(srcs):
        lo, hi = PAIRS[j % 2]
        L.append(f"mulxq {src}, {lo}, {hi}")
        if not fresh:
            L.append(f"adcxq {8 * (tbase + j)}(%[t]), {lo}")
        if prev_hi is not None:
            L.append(f"{'adcxq' if fresh else 'adoxq'} {prev_hi}, {lo}")
        if j > 0 or store_first:
            L.append(f"movq {lo}, {8 * (tbase + j)}(%[t])")
        prev_hi = hi
    L.append(f"adcxq %rax, {prev_hi}")
    if not fresh:
        L.append(f"adoxq %rax, {prev_hi}")
    return prev_hi


def asm_block(L, inputs, outputs="", clobbers=CLOBBERS):
    """One asm statement.  Each row is its own statement (the flags and
    registers are not live between statements; the carry word of the
    reduction is an operand): the template stays below the 4095 octets
    C99 guarantees for a string literal (clang -pedantic checks)."""
    # registers get %% in an extended asm template; operands stay %[name]
    esc = [re.sub(r"%(?!\[|k\[)", "%%", x) for x in L]
    length = sum(len(x.replace("%%", "%")) + 2 for x in esc)
    assert length < 4000, length
    body = "".join(f'        "{x}\\n\\t"\n' for x in esc)
    return ("    __asm__ volatile(\n" + body +
            f"        : {outputs}\n        : {inputs}\n        : {clobbers});\n")


def gen_mul():
    out = []
    for i in range(16):
        L = ["xorl %eax, %eax",                        # rax = 0, CF = OF = 0
             f"movq {8 * i}(%[a]), %rdx"]
        srcs = [f"{8 * j}(%[b])" for j in range(16)]
        top = emit_row(L, srcs, i, fresh=(i == 0))
        L.append(f"movq {top}, {8 * (i + 16)}(%[t])")  # limb i + 16 is new
        out.append(asm_block(L, '[t] "r"(t), [a] "r"(a), [b] "r"(b)'))
    return "".join(out)


def gen_sqr():
    out = []
    # cross products: row i adds a_i a[i + 1 .. 15] from t[2i + 1]
    for i in range(15):
        L = ["xorl %eax, %eax",
             f"movq {8 * i}(%[a]), %rdx"]
        srcs = [f"{8 * j}(%[a])" for j in range(i + 1, 16)]
        top = emit_row(L, srcs, 2 * i + 1, fresh=(i == 0))
        L.append(f"movq {top}, {8 * (i + 16)}(%[t])")
        out.append(asm_block(L, '[t] "r"(t), [a] "r"(a)'))
    # t[0] and t[31] were never written: both count as 0.  Now t = 2 t +
    # squares: limb p doubles t[p] on the CF chain and adds the square's lo
    # (p even) or hi (p odd) on the OF chain (one statement: the chains
    # run through all 32 limbs).
    L = ["xorl %eax, %eax"]
    for k in range(16):
        L.append(f"movq {8 * k}(%[a]), %rdx")
        L.append("mulxq %rdx, %r8, %r9")
        if k == 0:
            L.append("movq %r8, 0(%[t])")              # 2 * 0 + lo, no carries
        else:
            L.append(f"movq {16 * k}(%[t]), %r10")
            L.append("adcxq %r10, %r10")
            L.append("adoxq %r8, %r10")
            L.append(f"movq %r10, {16 * k}(%[t])")
        if k == 15:                                    # 2 * 0 + hi + carries
            L.append("adcxq %rax, %r9")
            L.append("adoxq %rax, %r9")
            L.append("movq %r9, 248(%[t])")
        else:
            L.append(f"movq {16 * k + 8}(%[t]), %r11")
            L.append("adcxq %r11, %r11")
            L.append("adoxq %r9, %r11")
            L.append(f"movq %r11, {16 * k + 8}(%[t])")
    out.append(asm_block(L, '[t] "r"(t), [a] "r"(a)'))
    return "".join(out)


def gen_redc():
    out = ["    uint64_t cc = 0;\n"]
    for i in range(16):
        L = [f"movq {8 * i}(%[t]), %rdx",
             "imulq %[m0inv], %rdx",                   # q = t[i] m0inv mod 2^64
             "xorl %eax, %eax"]                        # clear CF, OF after IMUL
        srcs = [f"{8 * j}(%[m])" for j in range(16)]
        top = emit_row(L, srcs, i, fresh=False, store_first=False)
        # t[i + 16] += top + cc; cc = the carry out (at most 1 in all)
        L.append(f"addq %[cc], {top}")
        L.append("movl $0, %k[cc]")                    # MOV keeps CF
        L.append("adcq %rax, %[cc]")
        L.append(f"addq {top}, {8 * (i + 16)}(%[t])")
        L.append("adcq %rax, %[cc]")
        out.append(asm_block(L, '[t] "r"(t), [m] "r"(m), [m0inv] "r"(m0inv)',
                             outputs='[cc] "+r"(cc)'))
    # r = t[16 .. 31] - m, the borrow in CF
    L = []
    for k in range(16):
        L.append(f"movq {8 * (16 + k)}(%[t]), %r8")
        L.append(f"{'subq' if k == 0 else 'sbbq'} {8 * k}(%[m]), %r8")
        L.append(f"movq %r8, {8 * k}(%[r])")
    # CF = (cc - borrow < 0): no carry word and the subtraction borrowed, so
    # cc 2^1024 + t[16 .. 31] was already below m: keep it (CMOV, no branch)
    L.append("movl $0, %eax")                          # MOV keeps CF
    L.append("sbbq %rax, %[cc]")
    for k in range(16):
        L.append(f"movq {8 * k}(%[r]), %r8")
        L.append(f"cmovcq {8 * (16 + k)}(%[t]), %r8")
        L.append(f"movq %r8, {8 * k}(%[r])")
    # wipe t here (16 SSE2 stores; the compiler cannot drop an asm store):
    # cheaper than a call to rk_wipe_u64 per product
    L.append("pxor %xmm0, %xmm0")
    for k in range(16):
        L.append(f"movdqu %xmm0, {16 * k}(%[t])")
    out.append(asm_block(L, '[r] "r"(r), [t] "r"(t), [m] "r"(m)', outputs='[cc] "+r"(cc)',
                         clobbers=CLOBBERS + ', "xmm0"'))
    return "".join(out)


HEADER = """\
/* core/src/arith/fp1024_adx.h - GENERATED by tests/tools/gen_fp1024_adx.py, do not
 * edit.  Regenerate with:
 *     python3 tests/tools/gen_fp1024_adx.py > core/src/arith/fp1024_adx.h
 *
 * x86-64 MULX/ADCX/ADOX kernel of the 16-limb Montgomery product and
 * squaring (included by core/src/arith/fp1024.c only when RK_FP_ADX is defined,
 * see core/src/arith/fp1024_internal.h; Frama-C never sees it).  Not proved: the
 * fp1024 suite compares it with the C kernel, bn's rk_bn_mont_mul and GMP
 * (proofs/TRUST.md).  Constant time by construction: no branch, only fixed
 * offsets from the pointer arguments (the generator's docstring says more).
 * Needs BMI2 (MULX) and ADX (ADCX, ADOX): the caller checks.
 */
"""

FUNCS = """
/* t[0 .. 31] = a * b (a, b any 16-limb values). */
/*@ requires \\valid(t + (0 .. 31)) && \\valid_read(a + (0 .. 15)) && \\valid_read(b + (0 .. 15));
    assigns t[0 .. 31]; */
static inline void fp_adx_mul_wide(uint64_t *t, const uint64_t *a, const uint64_t *b)
{
@MUL@}

/* t[0 .. 31] = a^2. */
/*@ requires \\valid(t + (0 .. 31)) && \\valid_read(a + (0 .. 15));
    assigns t[0 .. 31]; */
static inline void fp_adx_sqr_wide(uint64_t *t, const uint64_t *a)
{
@SQR@}

/* r = t / 2^1024 mod m, fully reduced, for t < m 2^1024 (as fp_redc); t is
 * zeroed on return (the wipe of the product); r must not overlap t or m. */
/*@ requires \\valid(r + (0 .. 15)) && \\valid(t + (0 .. 31)) && \\valid_read(m + (0 .. 15));
    requires \\separated(r + (0 .. 15), t + (0 .. 31));
    assigns r[0 .. 15], t[0 .. 31]; */
static inline void fp_adx_redc(uint64_t *r, uint64_t *t, const uint64_t *m, uint64_t m0inv)
{
@REDC@}
"""


def main():
    print(HEADER + FUNCS.replace("@MUL@", gen_mul()).replace("@SQR@", gen_sqr())
          .replace("@REDC@", gen_redc()), end="")


if __name__ == "__main__":
    main()
