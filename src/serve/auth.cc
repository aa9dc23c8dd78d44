#include "serve/auth.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/secret_compare.h"

namespace receipts::serve {
namespace {

Result<std::string> CheckToken(std::string token, const std::string& where) {
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
  if (token.size() < kMinTokenLength) {
    return Status::Usage(where + ": the token must be at least " + std::to_string(kMinTokenLength) +
                         " characters");
  }
  for (unsigned char c : token) {
    if (c <= ' ' || c >= 0x7f) {
      return Status::Usage(where + ": the token must be printable ASCII without spaces");
    }
  }
  return token;
}

}  // namespace

Result<std::optional<std::string>> LoadToken(const std::string& token_file, const char* env_token) {
  if (!token_file.empty()) {
    struct stat st {};
    if (::stat(token_file.c_str(), &st) != 0) {
      return Status::IoError(token_file + ": " + std::strerror(errno));
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
      return Status::Usage(token_file + ": readable by others; chmod 600 it");
    }
    std::ifstream in(token_file);
    std::string line;
    if (!in || !std::getline(in, line)) return Status::IoError(token_file + ": cannot read");
    auto token = CheckToken(line, token_file);
    if (!token.ok()) return token.status();
    return std::optional<std::string>(*token);
  }
  if (env_token != nullptr && *env_token != '\0') {
    auto token = CheckToken(env_token, "RECEIPTS_TOKEN");
    if (!token.ok()) return token.status();
    return std::optional<std::string>(*token);
  }
  return std::optional<std::string>();
}

AuthDecision Authorize(const std::optional<std::string>& token, std::string_view authorization) {
  if (!token) return AuthDecision::kReadOnly;
  if (authorization.empty()) return AuthDecision::kMissing;
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size() ||
      authorization.substr(0, kScheme.size()) != kScheme) {
    return AuthDecision::kMalformed;
  }
  std::string_view given = authorization.substr(kScheme.size());
  return SecretEquals(*token, given) ? AuthDecision::kAllowed : AuthDecision::kWrongToken;
}

int AuthStatus(AuthDecision decision) {
  switch (decision) {
    case AuthDecision::kAllowed:
      return 200;
    case AuthDecision::kMissing:
    case AuthDecision::kMalformed:
      return 401;
    case AuthDecision::kReadOnly:
    case AuthDecision::kWrongToken:
      return 403;
  }
  return 403;
}

const char* AuthMessage(AuthDecision decision) {
  switch (decision) {
    case AuthDecision::kAllowed:
      return "";
    case AuthDecision::kReadOnly:
      return "this server is read-only: it was started without a token";
    case AuthDecision::kMissing:
      return "authorization required: send 'Authorization: Bearer <token>'";
    case AuthDecision::kMalformed:
      return "malformed Authorization header: expected 'Bearer <token>'";
    case AuthDecision::kWrongToken:
      return "wrong token";
  }
  return "forbidden";
}

}  // namespace receipts::serve
