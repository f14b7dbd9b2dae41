#include "phone_numbers.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// Whether the raw text of a match carries its own country code: a '+' (also fullwidth)
// before the first digit, or an international prefix "00"/"011" that libphonenumber
// turned into a country code different from the default region's.
bool writtenInternationally(const std::string &raw) {
    for (size_t i = 0; i < raw.size(); i++) {
        unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c == '+') return true;
        if (c == 0xEF && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xBC &&
            static_cast<unsigned char>(raw[i + 2]) == 0x8B) return true;  // U+FF0B
        if (c >= '0' && c <= '9') {
            return c == '0' && i + 1 < raw.size() && raw[i + 1] == '0';
        }
    }
    return false;
}

int findInto(const char *text, size_t length, const char *region, std::vector<pn_match> &found,
             size_t capacity) {
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    std::string input(text, length);
    std::string regionCode(region ? region : "ZZ");
    PhoneNumberMatcher matcher(util, input, regionCode, PhoneNumberMatcher::VALID, 65535);
    PhoneNumberMatch match;
    std::string e164;
    while (found.size() < capacity && matcher.HasNext()) {
        if (!matcher.Next(&match)) break;
        util.Format(match.number(), PhoneNumberUtil::E164, &e164);
        if (e164.size() >= sizeof(((pn_match *)nullptr)->e164)) continue;
        pn_match out;
        std::memset(&out, 0, sizeof out);
        out.start = match.start();
        out.end = match.start() + match.length();
        out.international = writtenInternationally(match.raw_string()) ? 1 : 0;
        std::memcpy(out.e164, e164.data(), e164.size());
        found.push_back(out);
    }
    return static_cast<int>(found.size());
}

}  // namespace

extern "C" int pn_is_supported_region(const char *region) {
    if (region == nullptr) return 0;
    try {
        return PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(region) != 0 ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" int pn_region_of_digits(const char *digits, size_t length, char out[3]) {
    if (digits == nullptr || out == nullptr) return 0;
    try {
        const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
        int code = 0;
        for (size_t n = 1; n <= 3 && n < length; n++) {
            if (digits[n - 1] < '0' || digits[n - 1] > '9') return 0;
            code = code * 10 + (digits[n - 1] - '0');
            std::string region;
            util.GetRegionCodeForCountryCode(code, &region);
            if (region != "ZZ" && region.size() == 2) {
                out[0] = region[0];
                out[1] = region[1];
                out[2] = 0;
                return 1;
            }
        }
        return 0;
    } catch (...) {
        return 0;
    }
}

extern "C" int pn_find_numbers(const char *text, size_t length, const char *region,
                               pn_match *out, int capacity) {
    if (text == nullptr || out == nullptr || capacity < 0) return -1;
    try {
        std::vector<pn_match> found;
        found.reserve(capacity < 16 ? capacity : 16);
        int count = findInto(text, length, region, found, static_cast<size_t>(capacity));
        if (count > 0) std::memcpy(out, found.data(), found.size() * sizeof(pn_match));
        return count;
    } catch (...) {
        return -1;
    }
}

extern "C" int pn_parse_whole(const char *text, size_t length, const char *region, pn_match *out) {
    if (text == nullptr || out == nullptr || region == nullptr) return -1;
    try {
        // The caller guarantees digits, blanks, "-", "." and a leading "+" only, so the
        // number is read here directly: PhoneNumberUtil::Parse would spend most of its time
        // in ICU regular expressions (extension, IDD and country-code extraction) that
        // cannot apply. Only IsValidNumber (the per-region patterns) is asked.
        std::string digits;
        digits.reserve(length);
        bool international = length > 0 && text[0] == '+';
        for (size_t i = 0; i < length; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9') digits.push_back(c);
            else if (c != ' ' && c != '-' && c != '.' && !(c == '+' && i == 0)) return 0;
        }
        if (digits.size() < 4 || digits.size() > 17) return 0;
        const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
        int countryCode = 0;
        std::string national;
        bool prefixWritten = false;
        if (international) {
            for (size_t n = 1; n <= 3 && n < digits.size(); n++) {
                int candidate = std::atoi(digits.substr(0, n).c_str());
                std::string code;
                util.GetRegionCodeForCountryCode(candidate, &code);
                if (code != "ZZ") {
                    countryCode = candidate;
                    national = digits.substr(n);
                    break;
                }
            }
            if (countryCode == 0) return 0;
        } else {
            if (digits.compare(0, 2, "00") == 0) return 0;  // an international prefix: the matcher knows them
            countryCode = util.GetCountryCodeForRegion(region);
            if (countryCode == 0) return 0;
            std::string prefix;
            util.GetNddPrefixForRegion(region, true, &prefix);
            if (!prefix.empty() && digits.compare(0, prefix.size(), prefix) == 0) {
                national = digits.substr(prefix.size());
                prefixWritten = true;
            } else {
                national = digits;
            }
        }
        // A leading zero kept in the national number (Italy) needs the matcher.
        if (national.empty() || national[0] == '0' || national.size() > 17) return 0;
        PhoneNumber number;
        number.set_country_code(countryCode);
        number.set_national_number(std::strtoull(national.c_str(), nullptr, 10));
        if (!util.IsValidNumber(number)) return 0;
        if (!international && !prefixWritten) {
            // The matcher (leniency VALID) wants the national prefix where the region's
            // national format writes one; without it, let the matcher decide.
            std::string formatted;
            util.Format(number, PhoneNumberUtil::NATIONAL, &formatted);
            util.NormalizeDigitsOnly(&formatted);
            if (formatted.size() > national.size()) return 0;
        }
        std::string e164;
        util.Format(number, PhoneNumberUtil::E164, &e164);
        if (e164.size() >= sizeof(out->e164)) return 0;
        std::memset(out, 0, sizeof *out);
        out->start = 0;
        out->end = static_cast<int32_t>(length);
        out->international = international ? 1 : 0;
        std::memcpy(out->e164, e164.data(), e164.size());
        return 1;
    } catch (...) {
        return -1;
    }
}

extern "C" int pn_find_numbers_alloc(const char *text, size_t length, const char *region,
                                     pn_match **out) {
    if (text == nullptr || out == nullptr) return -1;
    *out = nullptr;
    try {
        std::vector<pn_match> found;
        int count = findInto(text, length, region, found, static_cast<size_t>(1) << 20);
        if (count <= 0) return count;
        pn_match *array = static_cast<pn_match *>(std::malloc(found.size() * sizeof(pn_match)));
        if (array == nullptr) return -1;
        std::memcpy(array, found.data(), found.size() * sizeof(pn_match));
        *out = array;
        return count;
    } catch (...) {
        return -1;
    }
}

extern "C" void pn_free(void *pointer) { std::free(pointer); }
