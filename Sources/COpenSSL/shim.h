/* Only libcrypto's HMAC and constant-time compare are used (webhook signatures). */
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include <openssl/crypto.h>
