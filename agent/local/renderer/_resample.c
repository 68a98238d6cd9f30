/* Separable bicubic resample of one 8-bit plane, for agent.local.renderer.resample (ctypes).
 *
 * Output pixel (x, y) samples the source at u = ax * x + bx, v = ay * y + by (pixel centres at
 * whole coordinates): scale and sub-pixel shift in one pass. Four-tap cubic convolution with
 * A = -0.75 (OpenCV's INTER_CUBIC); source borders are replicated. Horizontal pass first, into
 * a ring of four int16 rows (value x 64), then the vertical pass; weights are Q14 int16.
 * The integer arithmetic is the same on every path, so the AVX-512 (BW + VBMI), AVX2 and
 * portable paths agree to the bit. Returns 0, or -1 if scratch memory could not be allocated.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define HAVE_X86 1
#endif

#define WBITS 14
#define WONE (1 << WBITS)

typedef struct {
    int32_t *base;    /* per block of 4 outputs: first source byte of its 16-byte window */
    int32_t *base64;  /* per block of 16 outputs: first source byte of its 64-byte window */
    uint8_t *perm64;  /* per block of 16: 64 byte indices, taps 0-1 of the 16, then taps 2-3 */
    int16_t *weight64; /* per block of 16: the weights in the same order as perm64 */
    int fits64;       /* 1 if every block of 16 has all its taps in its 64-byte window */
    uint8_t *shuffle; /* per block: 16 byte indices into the window, 4 taps x 4 outputs */
    uint8_t *fits;    /* per block: 1 if every tap lies in the window */
    int32_t *index;   /* per output x and tap: clamped source column */
    int16_t *weight;  /* per output x and tap: Q14 weight */
} Columns;

/* lrint (round half to even in the default rounding mode) without the libm call: cvtsd2si
 * rounds by MXCSR, which is what x86-64's lrint does itself. */
static inline long round_even(double v) {
#if defined(__x86_64__)
    return (long)_mm_cvtsd_si32(_mm_set_sd(v));
#else
    return lrint(v);
#endif
}

static void cubic_weights(double f, int16_t out[4]) {
    const double a = -0.75;
    double w[4];
    w[0] = ((a * (f + 1) - 5 * a) * (f + 1) + 8 * a) * (f + 1) - 4 * a;
    w[1] = ((a + 2) * f - (a + 3)) * f * f + 1;
    w[2] = ((a + 2) * (1 - f) - (a + 3)) * (1 - f) * (1 - f) + 1;
    w[3] = 1 - w[0] - w[1] - w[2];
    int sum = 0, big = 0;
    for (int k = 0; k < 4; k++) {
        out[k] = (int16_t)round_even(w[k] * WONE);
        sum += out[k];
        if (out[k] > out[big]) big = k;
    }
    out[big] = (int16_t)(out[big] + WONE - sum); /* weights sum to exactly 1 */
}

static inline int clamp_int(int v, int lo, int hi) { return v < lo ? lo : (v > hi ? hi : v); }

static void columns_fill(Columns *c, int dst_w, int src_w, double ax, double bx, int wide) {
    for (int x = 0; x < dst_w; x++) {
        double u = ax * x + bx;
        double i = floor(u);
        cubic_weights(u - i, &c->weight[4 * x]);
        for (int k = 0; k < 4; k++) c->index[4 * x + k] = clamp_int((int)i - 1 + k, 0, src_w - 1);
    }
    for (int b = 0; b < dst_w / 4; b++) {
        int lo = c->index[16 * b], base = src_w >= 16 ? clamp_int(lo, 0, src_w - 16) : 0;
        int ok = src_w >= 16;
        for (int k = 0; k < 16; k++) {
            int d = c->index[16 * b + k] - base;
            ok = ok && d >= 0 && d < 16;
            c->shuffle[16 * b + k] = (uint8_t)(d >= 0 && d < 16 ? d : 0);
        }
        c->base[b] = base;
        c->fits[b] = (uint8_t)ok;
    }
    /* Blocks of 16 for the AVX-512 path: output j's taps 0-1 at bytes 2j, 2j+1 and its taps
     * 2-3 at 32 + 2j, 32 + 2j + 1, so one vpmaddwd per half sums pairs of the same output. */
    c->fits64 = wide && src_w >= 64;
    for (int b = 0; b < dst_w / 16 && c->fits64; b++) {
        int base = clamp_int(c->index[64 * b], 0, src_w - 64);
        for (int j = 0; j < 16; j++) {
            for (int k = 0; k < 4; k++) {
                int d = c->index[64 * b + 4 * j + k] - base;
                int slot = 64 * b + (k < 2 ? 2 * j + k : 32 + 2 * j + k - 2);
                c->fits64 = c->fits64 && d >= 0 && d < 64;
                c->perm64[slot] = (uint8_t)(d >= 0 && d < 64 ? d : 0);
                c->weight64[slot] = c->weight[64 * b + 4 * j + k];
            }
        }
        c->base64[b] = base;
    }
}

static inline int16_t horizontal_one(const uint8_t *row, const Columns *c, int x) {
    const int32_t *ix = &c->index[4 * x];
    const int16_t *w = &c->weight[4 * x];
    int32_t s = row[ix[0]] * w[0] + row[ix[1]] * w[1] + row[ix[2]] * w[2] + row[ix[3]] * w[3];
    return (int16_t)((s + (1 << (WBITS - 7))) >> (WBITS - 6));
}

static void horizontal_portable(const uint8_t *row, const Columns *c, int dst_w, int16_t *out) {
    for (int x = 0; x < dst_w; x++) out[x] = horizontal_one(row, c, x);
}

/* mulhrs semantics: round(t * w / 2^15); t is value x 64, so the sum is value x 32. */
static inline int16_t mulhrs(int16_t t, int16_t w) {
    return (int16_t)(((int32_t)t * w + (1 << 14)) >> 15);
}

static inline uint8_t vertical_one(const int16_t *const r[4], const int16_t w[4], int x) {
    int s = mulhrs(r[0][x], w[0]) + mulhrs(r[1][x], w[1]) + mulhrs(r[2][x], w[2]) +
            mulhrs(r[3][x], w[3]);
    s = (int16_t)s; /* the vector path sums in int16; the range keeps it exact */
    s = (s + 16) >> 5;
    return (uint8_t)clamp_int(s, 0, 255);
}

static void vertical_portable(const int16_t *const r[4], const int16_t w[4], int dst_w,
                              uint8_t *out) {
    for (int x = 0; x < dst_w; x++) out[x] = vertical_one(r, w, x);
}

#ifdef HAVE_X86
__attribute__((target("avx2"))) static void horizontal_avx2(const uint8_t *row, const Columns *c,
                                                            int dst_w, int16_t *out) {
    const __m256i round = _mm256_set1_epi32(1 << (WBITS - 7));
    int x = 0;
    for (; x + 16 <= dst_w; x += 16) {
        int b = x / 4;
        if (!(c->fits[b] & c->fits[b + 1] & c->fits[b + 2] & c->fits[b + 3])) {
            for (int k = 0; k < 16; k++) out[x + k] = horizontal_one(row, c, x + k);
            continue;
        }
        __m256i sums[2];
        for (int h = 0; h < 2; h++) {
            int b0 = b + 2 * h;
            __m256i window = _mm256_inserti128_si256(
                _mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)(row + c->base[b0]))),
                _mm_loadu_si128((const __m128i *)(row + c->base[b0 + 1])), 1);
            __m256i taps =
                _mm256_shuffle_epi8(window, _mm256_loadu_si256((const __m256i *)&c->shuffle[16 * b0]));
            __m256i lo = _mm256_cvtepu8_epi16(_mm256_castsi256_si128(taps));
            __m256i hi = _mm256_cvtepu8_epi16(_mm256_extracti128_si256(taps, 1));
            __m256i wlo = _mm256_loadu_si256((const __m256i *)&c->weight[4 * (x + 8 * h)]);
            __m256i whi = _mm256_loadu_si256((const __m256i *)&c->weight[4 * (x + 8 * h) + 16]);
            __m256i s = _mm256_hadd_epi32(_mm256_madd_epi16(lo, wlo), _mm256_madd_epi16(hi, whi));
            s = _mm256_permute4x64_epi64(s, 0xD8);
            sums[h] = _mm256_srai_epi32(_mm256_add_epi32(s, round), WBITS - 6);
        }
        __m256i packed = _mm256_permute4x64_epi64(_mm256_packs_epi32(sums[0], sums[1]), 0xD8);
        _mm256_storeu_si256((__m256i *)(out + x), packed);
    }
    for (; x < dst_w; x++) out[x] = horizontal_one(row, c, x);
}

__attribute__((target("avx2"))) static void vertical_avx2(const int16_t *const r[4],
                                                          const int16_t w[4], int dst_w,
                                                          uint8_t *out) {
    const __m256i w0 = _mm256_set1_epi16(w[0]), w1 = _mm256_set1_epi16(w[1]);
    const __m256i w2 = _mm256_set1_epi16(w[2]), w3 = _mm256_set1_epi16(w[3]);
    const __m256i round = _mm256_set1_epi16(16);
    int x = 0;
    for (; x + 32 <= dst_w; x += 32) {
        __m256i s[2];
        for (int h = 0; h < 2; h++) {
            int o = x + 16 * h;
            __m256i a = _mm256_mulhrs_epi16(_mm256_loadu_si256((const __m256i *)(r[0] + o)), w0);
            __m256i b = _mm256_mulhrs_epi16(_mm256_loadu_si256((const __m256i *)(r[1] + o)), w1);
            __m256i d = _mm256_mulhrs_epi16(_mm256_loadu_si256((const __m256i *)(r[2] + o)), w2);
            __m256i e = _mm256_mulhrs_epi16(_mm256_loadu_si256((const __m256i *)(r[3] + o)), w3);
            __m256i t = _mm256_add_epi16(_mm256_add_epi16(a, b), _mm256_add_epi16(d, e));
            s[h] = _mm256_srai_epi16(_mm256_add_epi16(t, round), 5);
        }
        __m256i packed = _mm256_permute4x64_epi64(_mm256_packus_epi16(s[0], s[1]), 0xD8);
        _mm256_storeu_si256((__m256i *)(out + x), packed);
    }
    for (; x < dst_w; x++) out[x] = vertical_one(r, w, x);
}

/* AVX-512 (BW + VBMI): one vpermb gathers the 64 taps of 16 outputs from a 64-byte window;
 * the same integer sums as horizontal_one (no hadd: taps are laid out pairwise per output). */
__attribute__((target("avx512f,avx512bw,avx512vbmi"))) static void horizontal_avx512(
    const uint8_t *row, const Columns *c, int dst_w, int16_t *out) {
    const __m512i round = _mm512_set1_epi32(1 << (WBITS - 7));
    int x = 0;
    for (; x + 16 <= dst_w; x += 16) {
        int b = x / 16;
        __m512i window = _mm512_loadu_si512((const void *)(row + c->base64[b]));
        __m512i taps =
            _mm512_permutexvar_epi8(_mm512_loadu_si512((const void *)&c->perm64[64 * b]), window);
        __m512i lo = _mm512_cvtepu8_epi16(_mm512_castsi512_si256(taps));
        __m512i hi = _mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(taps, 1));
        __m512i wlo = _mm512_loadu_si512((const void *)&c->weight64[64 * b]);
        __m512i whi = _mm512_loadu_si512((const void *)&c->weight64[64 * b + 32]);
        __m512i s = _mm512_add_epi32(_mm512_madd_epi16(lo, wlo), _mm512_madd_epi16(hi, whi));
        s = _mm512_srai_epi32(_mm512_add_epi32(s, round), WBITS - 6);
        _mm256_storeu_si256((__m256i *)(out + x), _mm512_cvtsepi32_epi16(s));
    }
    for (; x < dst_w; x++) out[x] = horizontal_one(row, c, x);
}

__attribute__((target("avx512f,avx512bw"))) static void vertical_avx512(const int16_t *const r[4],
                                                                      const int16_t w[4],
                                                                      int dst_w, uint8_t *out) {
    const __m512i w0 = _mm512_set1_epi16(w[0]), w1 = _mm512_set1_epi16(w[1]);
    const __m512i w2 = _mm512_set1_epi16(w[2]), w3 = _mm512_set1_epi16(w[3]);
    const __m512i round = _mm512_set1_epi16(16);
    const __m512i order = _mm512_set_epi64(7, 5, 3, 1, 6, 4, 2, 0);
    int x = 0;
    for (; x + 64 <= dst_w; x += 64) {
        __m512i s[2];
        for (int h = 0; h < 2; h++) {
            int o = x + 32 * h;
            __m512i a = _mm512_mulhrs_epi16(_mm512_loadu_si512((const void *)(r[0] + o)), w0);
            __m512i b = _mm512_mulhrs_epi16(_mm512_loadu_si512((const void *)(r[1] + o)), w1);
            __m512i d = _mm512_mulhrs_epi16(_mm512_loadu_si512((const void *)(r[2] + o)), w2);
            __m512i e = _mm512_mulhrs_epi16(_mm512_loadu_si512((const void *)(r[3] + o)), w3);
            __m512i t = _mm512_add_epi16(_mm512_add_epi16(a, b), _mm512_add_epi16(d, e));
            s[h] = _mm512_srai_epi16(_mm512_add_epi16(t, round), 5);
        }
        __m512i packed = _mm512_permutexvar_epi64(order, _mm512_packus_epi16(s[0], s[1]));
        _mm512_storeu_si512((void *)(out + x), packed);
    }
    const int16_t *const tail[4] = {r[0] + x, r[1] + x, r[2] + x, r[3] + x};
    if (x < dst_w) vertical_avx2(tail, w, dst_w - x, out + x);
}
#endif

static int use_avx2(void) {
#ifdef HAVE_X86
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
#else
    return 0;
#endif
}

static int use_avx512(void) {
#ifdef HAVE_X86
    __builtin_cpu_init();
    return use_avx2() && __builtin_cpu_supports("avx512f") &&
           __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi");
#else
    return 0;
#endif
}

/* simd: 0 for the portable path, 1 for AVX2 when the CPU has it, 2 for AVX-512 (BW + VBMI)
 * when the CPU has it, else AVX2 (tests compare them: every path computes the same integers). */
int resample_plane(const uint8_t *src, ptrdiff_t src_stride, int src_w, int src_h, uint8_t *dst,
                   ptrdiff_t dst_stride, int dst_w, int dst_h, double ax, double bx, double ay,
                   double by, int simd) {
    int blocks = dst_w / 4 + 1, blocks64 = dst_w / 16 + 1;
    size_t row_len = (size_t)dst_w + 32;
    Columns c;
    c.base = malloc(sizeof(int32_t) * blocks);
    c.base64 = malloc(sizeof(int32_t) * blocks64);
    c.perm64 = malloc(64 * (size_t)blocks64);
    c.weight64 = malloc(sizeof(int16_t) * 64 * (size_t)blocks64);
    c.shuffle = malloc(16 * (size_t)blocks + 32);
    c.fits = calloc((size_t)blocks + 4, 1);
    c.index = malloc(sizeof(int32_t) * 4 * (size_t)dst_w + 64);
    c.weight = malloc(sizeof(int16_t) * 4 * (size_t)dst_w + 64);
    int16_t *ring = malloc(sizeof(int16_t) * 4 * row_len);
    int status = -1;
    if (!c.base || !c.shuffle || !c.fits || !c.index || !c.weight || !ring || !c.base64 ||
        !c.perm64 || !c.weight64)
        goto done;
#ifdef HAVE_X86
    int avx2 = simd && use_avx2();
    int avx512 = simd >= 2 && use_avx512();
#else
    int avx2 = 0, avx512 = 0;
    (void)simd;
#endif
    columns_fill(&c, dst_w, src_w, ax, bx, avx512);
    int wide_rows = avx512 && c.fits64;
    (void)wide_rows; /* read only on x86 */
    long tag[4] = {-1, -1, -1, -1};
    for (int y = 0; y < dst_h; y++) {
        double v = ay * y + by;
        double fy = floor(v);
        int16_t w[4];
        const int16_t *rows[4];
        cubic_weights(v - fy, w);
        for (int k = 0; k < 4; k++) {
            int r = clamp_int((int)fy - 1 + k, 0, src_h - 1);
            int16_t *slot = ring + (size_t)(r & 3) * row_len;
            if (tag[r & 3] != r) {
                const uint8_t *line = src + (ptrdiff_t)r * src_stride;
#ifdef HAVE_X86
                if (wide_rows)
                    horizontal_avx512(line, &c, dst_w, slot);
                else if (avx2)
                    horizontal_avx2(line, &c, dst_w, slot);
                else
#endif
                    horizontal_portable(line, &c, dst_w, slot);
                tag[r & 3] = r;
            }
            rows[k] = slot;
        }
        uint8_t *out = dst + (ptrdiff_t)y * dst_stride;
#ifdef HAVE_X86
        if (avx512)
            vertical_avx512(rows, w, dst_w, out);
        else if (avx2)
            vertical_avx2(rows, w, dst_w, out);
        else
#endif
            vertical_portable(rows, w, dst_w, out);
    }
    status = 0;
done:
    free(c.base);
    free(c.base64);
    free(c.perm64);
    free(c.weight64);
    free(c.shuffle);
    free(c.fits);
    free(c.index);
    free(c.weight);
    free(ring);
    return status;
}

int resample_has_simd(void) { return use_avx2(); }

int resample_has_avx512(void) { return use_avx512(); }

/* Bumped whenever the signature or the arithmetic changes (agent.local.renderer.resample). */
int resample_abi(void) { return 2; }
