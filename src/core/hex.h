// Lower-case hexadecimal text of bytes, and back: digests, keys and signatures are stored so.
#pragma once

#include <string>
#include <string_view>

namespace receipts {

// Two lower-case hex digits per byte.
std::string ToHex(std::string_view bytes);

// Decodes `hex` (either case) into `bytes`; false, with `bytes` unspecified, when `hex` has an
// odd length or a character that is not a hex digit.
bool FromHex(std::string_view hex, std::string* bytes);

}  // namespace receipts
