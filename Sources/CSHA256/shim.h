// SHA-256's compression function on the x86 SHA extensions (SHA-NI), for `DiglotModel.SHA256`.
//
// Why: every imported file is hashed (its source id) and every document, passage and pair id hashes a short key,
// twice per passage counting the batch check. The portable Swift rounds cost about 4,500 instructions a block,
// 3 % of a bulk import; the SHA instructions do a block in about 150. Header-only (static inline), like the
// libxml2 shim, so the module needs no build step of its own and the fuzz builds only add `-I Sources/CSHA256`.
// Elsewhere (another architecture, or a CPU without the extensions) `diglot_sha256_hardware_available` is 0 and
// the Swift rounds run.
#ifndef DIGLOT_CSHA256_SHIM_H
#define DIGLOT_CSHA256_SHIM_H

#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>

/// 1 when the CPU has the SHA extensions and the SSSE3 and SSE4.1 shuffles the rounds below use.
static inline int diglot_sha256_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

/// Runs the compression function over `blocks` consecutive 64-byte blocks at `data`, updating `state` (the eight
/// words a..h, as FIPS 180-4 orders them) with the 64 round constants `k` (the Swift side keeps the one table).
/// Call only when `diglot_sha256_hardware_available()` is 1.
__attribute__((target("sha,sse4.1,ssse3")))
static inline void diglot_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks,
                                                 const uint32_t k[64]) {
    // Each 32-bit word of a block is big-endian.
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    // The instructions keep the state as two registers, (a, b, e, f) and (c, d, g, h), highest lane first.
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abefBefore = abef, cdghBefore = cdgh;
        __m128i w[4];  // the schedule's last sixteen words, four to a register
        for (int group = 0; group < 16; group++) {
            __m128i words;
            if (group < 4) {
                words = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), byteSwap);
            } else {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four words at a time.
                __m128i older = _mm_sha256msg1_epu32(w[group & 3], w[(group + 1) & 3]);
                older = _mm_add_epi32(older, _mm_alignr_epi8(w[(group + 3) & 3], w[(group + 2) & 3], 4));
                words = _mm_sha256msg2_epu32(older, w[(group + 3) & 3]);
            }
            w[group & 3] = words;
            __m128i sums = _mm_add_epi32(words, _mm_loadu_si128((const __m128i *)&k[4 * group]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sums);        // two rounds: cdgh now holds the new (a, b, e, f)
            sums = _mm_shuffle_epi32(sums, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, sums);        // two more: back in place
        }
        abef = _mm_add_epi32(abef, abefBefore);
        cdgh = _mm_add_epi32(cdgh, cdghBefore);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

static inline int diglot_sha256_hardware_available(void) { return 0; }

static inline void diglot_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks,
                                                 const uint32_t k[64]) {
    (void)state; (void)data; (void)blocks; (void)k;
}

#endif

#endif
