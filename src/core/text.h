// Small text helpers shared by every reader and writer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace receipts {

std::string_view Trim(std::string_view text);
std::string ToUpperAscii(std::string_view text);
std::string ToLowerAscii(std::string_view text);
// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);
// `text` in Windows-1252 (the "Latin-1" of Windows exports such as NSF's terminated-awards
// list, whose 0x92 is a right single quote) as UTF-8, through glibc's iconv. Every byte maps:
// the five code points 1252 leaves undefined become U+FFFD.
std::string Windows1252ToUtf8(std::string_view text);
// Collapses runs of white space to one space and trims: for names compared across sources.
std::string CollapseSpaces(std::string_view text);
// The first 40 bytes of `text` in single quotes, `then` after: the start of an error about a
// value ("'12x' is not money"). Appended piece by piece: g++ 12 warns (-Wrestrict, a false
// positive) on "'" + std::string(...) + "..." in optimised builds.
std::string QuotedPrefix(std::string_view text, std::string_view then = "");
// `parts` with `separator` between each two.
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace receipts
