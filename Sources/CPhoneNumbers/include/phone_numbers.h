// A small C interface over Google's libphonenumber (C++), used by ParleyCore's PhoneScanner.
// Internal to the package: no C++ type or exception crosses this boundary.
#ifndef PARLEY_PHONE_NUMBERS_H
#define PARLEY_PHONE_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One phone number found in a text.
typedef struct pn_match {
    int32_t start;          ///< UTF-8 byte offset of the first byte of the match
    int32_t end;            ///< UTF-8 byte offset one past the match
    int32_t international;  ///< 1 when written with a leading '+' (or an IDD such as 00), else 0
    char e164[24];          ///< "+250788123456", NUL-terminated
} pn_match;

/// 1 when `region` (two letters, upper case, NUL-terminated) is a region libphonenumber
/// knows (it has a country calling code), else 0.
int pn_is_supported_region(const char *region);

/// The region of the international number whose digits (country code first, no "+") are
/// `digits` (`length` bytes): the main region of its country calling code ("250…" → "RW",
/// "1…" → "US"), written with a NUL into `out`. Returns 1, or 0 when no calling code fits.
int pn_region_of_digits(const char *digits, size_t length, char out[3]);
/// Finds phone numbers in the UTF-8 `text` (`length` bytes) with PhoneNumberMatcher at
/// leniency VALID, numbers without a country code read for `region`. Writes at most
/// `capacity` matches into `out`, in text order, and returns how many were written;
/// -1 on an internal failure (never throws).
int pn_find_numbers(const char *text, size_t length, const char *region,
                    pn_match *out, int capacity);

/// Reads the whole of `text` (digits, blanks, "-", "." and a leading "+") as one number for
/// `region`, without PhoneNumberMatcher's scan and Parse's regular expressions: the country
/// code (after "+") or the region's national prefix is taken off by hand and only
/// IsValidNumber is asked. Returns 1 and fills `out` (offsets 0 and `length`) when the
/// number is valid and written with its country code or national prefix (or its region's
/// national format has none), the cases where the matcher at leniency VALID accepts it too;
/// 0 when unsure (the caller runs the matcher); -1 on an internal failure.
int pn_parse_whole(const char *text, size_t length, const char *region, pn_match *out);

/// Finds phone numbers like `pn_find_numbers`, into a malloc'd array stored in `*out`
/// (NULL when none); returns the count, or -1. Release the array with `pn_free`.
int pn_find_numbers_alloc(const char *text, size_t length, const char *region, pn_match **out);

/// Frees an array returned by `pn_find_numbers_alloc`.
void pn_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
