/* sha256.c - SHA-256 digests of the files a run reads (rules, datasets), for the
 * report's provenance header; computed by Nettle. */
#include <nettle/sha2.h>

#include "util.h"

void fc_sha256_hex(const void *data, size_t len, char out[FC_SHA256_HEX])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, (const uint8_t *)data);
    sha256_digest(&ctx, sizeof digest, digest);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof digest; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[2 * sizeof digest] = '\0';
}
