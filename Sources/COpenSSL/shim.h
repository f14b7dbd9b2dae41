/* Only libcrypto's HMAC, SHA-256 and constant-time compare are used (webhook signatures,
 * media content hashes). */
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include <openssl/crypto.h>
