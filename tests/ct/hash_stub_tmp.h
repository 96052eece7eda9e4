/* TEMPORARY (eccsi branch only): weak libsodium-backed SHA-256/HMAC so the
 * ct build links before main's core/src/hash.c is merged; the real (strong)
 * definitions win once they are there.  Delete with tests/zz_hash_stub_tmp.c. */
#include "../zz_hash_stub_tmp.c"
