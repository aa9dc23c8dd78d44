#include "core/text.h"

#include <iconv.h>
#include <simdjson.h>

#include <cctype>

namespace receipts {

std::string_view Trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::string ToUpperAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsValidUtf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

std::string Windows1252ToUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    // No converter in this C library: Latin-1 is the byte's own code point.
    for (unsigned char c : text) {
      if (c < 0x80) {
        out.push_back(static_cast<char>(c));
      } else {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      }
    }
    return out;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    char in = text[i];
    char buffer[8];
    char* from = &in;
    std::size_t from_left = 1;
    char* to = buffer;
    std::size_t to_left = sizeof buffer;
    if (iconv(cd, &from, &from_left, &to, &to_left) == static_cast<std::size_t>(-1)) {
      out += "\xEF\xBF\xBD";  // U+FFFD for the bytes 1252 leaves undefined
      continue;
    }
    out.append(buffer, sizeof buffer - to_left);
  }
  iconv_close(cd);
  return out;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : Trim(text)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = true;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string QuotedPrefix(std::string_view text, std::string_view then) {
  std::string out;
  out.reserve(42 + then.size());
  out += '\'';
  out += text.substr(0, 40);
  out += '\'';
  out += then;
  return out;
}

}  // namespace receipts
