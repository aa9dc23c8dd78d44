// Who may write: the one bearer token the server was given (RECEIPTS_TOKEN or --token-file).
// Without a token the server is read-only. Tokens are compared in constant time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts::serve {

// The shortest token accepted: a guessable token is refused at startup, not in production.
inline constexpr std::size_t kMinTokenLength = 16;

// The token from `token_file` when given (its first line; the file must not be readable by
// group or others), else from `env_token` (RECEIPTS_TOKEN) when set and non-empty, else none.
Result<std::optional<std::string>> LoadToken(const std::string& token_file, const char* env_token);

enum class AuthDecision {
  kAllowed,
  kReadOnly,   // no token configured: writes are refused (403)
  kMissing,    // no Authorization header (401)
  kMalformed,  // not "Bearer <token>" (401)
  kWrongToken  // 403
};

// The decision for a request carrying `authorization` (the header's value, "" when absent).
AuthDecision Authorize(const std::optional<std::string>& token, std::string_view authorization);

// The HTTP status for a refusal, and its message.
int AuthStatus(AuthDecision decision);
const char* AuthMessage(AuthDecision decision);

}  // namespace receipts::serve
