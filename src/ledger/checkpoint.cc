#include "ledger/checkpoint.h"

#include <sodium.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>

#include "core/hex.h"
#include "core/sha256.h"
#include "core/text.h"

namespace receipts {
namespace {

constexpr std::string_view kEmDash = "\xE2\x80\x94 ";  // U+2014 and a space
constexpr char kEd25519Type = 0x01;

void InitSodium() {
  if (sodium_init() < 0) std::abort();
}

}  // namespace

std::string ToBase64(std::string_view bytes) {
  InitSodium();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool FromBase64(std::string_view text, std::string* bytes) {
  InitSodium();
  bytes->assign(text.size(), '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes->data()), bytes->size(), text.data(),
                        text.size(), nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return false;
  }
  bytes->resize(length);
  return ToBase64(*bytes) == text;  // canonical: re-encodes to the same text
}

namespace {

bool ParseSize(std::string_view text, std::uint64_t* out) {
  if (text.empty() || (text.size() > 1 && text.front() == '0')) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string CheckpointBody(const Checkpoint& checkpoint) {
  return checkpoint.origin + "\n" + std::to_string(checkpoint.size) + "\n" +
         ToBase64(checkpoint.root) + "\n";
}

Result<Checkpoint> ParseCheckpointBody(std::string_view body) {
  std::vector<std::string_view> lines;
  while (!body.empty()) {
    const std::size_t newline = body.find('\n');
    if (newline == std::string_view::npos) {
      return Status::InvalidInput("checkpoint: the last line has no newline");
    }
    lines.push_back(body.substr(0, newline));
    body.remove_prefix(newline + 1);
  }
  if (lines.size() != 3) {
    return Status::InvalidInput("checkpoint: " + std::to_string(lines.size()) +
                                " lines; a checkpoint has origin, size and root hash");
  }
  Checkpoint out;
  out.origin = std::string(lines[0]);
  if (out.origin.empty()) return Status::InvalidInput("checkpoint: line 1: no origin");
  if (!ParseSize(lines[1], &out.size)) {
    return Status::InvalidInput("checkpoint: line 2: '" + std::string(lines[1]) +
                                "' is not a tree size");
  }
  if (!FromBase64(lines[2], &out.root) || out.root.size() != 32) {
    return Status::InvalidInput("checkpoint: line 3: not the base64 of a 32-byte root hash");
  }
  return out;
}

std::string NoteKeyHash(std::string_view name, std::string_view public_key) {
  const std::string digest = Sha256Raw(name, "\n" + std::string(1, kEd25519Type), public_key);
  return digest.substr(0, 4);
}

std::string NoteVerifierKey(std::string_view name, std::string_view public_key) {
  return std::string(name) + "+" + ToHex(NoteKeyHash(name, public_key)) + "+" +
         ToBase64(std::string(1, kEd25519Type) + std::string(public_key));
}

std::string SignNote(std::string_view body, std::string_view name, const SigningKey& key) {
  InitSodium();
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(body.data()),
                       body.size(), reinterpret_cast<const unsigned char*>(key.secret_key.data()));
  const std::string blob = NoteKeyHash(name, key.public_key) +
                           std::string(reinterpret_cast<const char*>(signature), sizeof signature);
  return std::string(body) + "\n" + std::string(kEmDash) + std::string(name) + " " +
         ToBase64(blob) + "\n";
}

Result<SignedNote> ParseSignedNote(std::string_view text) {
  SignedNote note;
  const std::size_t blank = text.find("\n\n");
  if (blank == std::string_view::npos) {
    if (text.empty() || text.back() != '\n') {
      return Status::InvalidInput("note: the text does not end in a newline");
    }
    note.body = std::string(text);
    return note;
  }
  note.body = std::string(text.substr(0, blank + 1));
  std::string_view rest = text.substr(blank + 2);
  if (rest.empty()) return Status::InvalidInput("note: a blank line with no signature after it");
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) {
      return Status::InvalidInput("note: the last signature line has no newline");
    }
    std::string_view line = rest.substr(0, newline);
    rest.remove_prefix(newline + 1);
    if (!line.starts_with(kEmDash)) {
      return Status::InvalidInput(
          "note: a line after the blank line is not a signature (— NAME SIG)");
    }
    line.remove_prefix(kEmDash.size());
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos || space == 0) {
      return Status::InvalidInput("note: a signature line without a key name and signature");
    }
    std::string blob;
    if (!FromBase64(line.substr(space + 1), &blob) || blob.size() < 5) {
      return Status::InvalidInput(
          "note: a signature that is not base64 of a key hash and signature");
    }
    note.signatures.push_back(
        {std::string(line.substr(0, space)), blob.substr(0, 4), blob.substr(4)});
  }
  return note;
}

Result<Checkpoint> OpenCheckpoint(std::string_view text, std::string_view public_key) {
  Result<SignedNote> note = ParseSignedNote(text);
  if (!note.ok()) return note.status();
  Result<Checkpoint> checkpoint = ParseCheckpointBody(note->body);
  if (!checkpoint.ok()) return checkpoint.status();
  const std::string key_hash = NoteKeyHash(checkpoint->origin, public_key);
  InitSodium();
  for (const NoteSignature& s : note->signatures) {
    if (s.name != checkpoint->origin || s.key_hash != key_hash) continue;
    if (s.signature.size() != crypto_sign_BYTES ||
        crypto_sign_verify_detached(
            reinterpret_cast<const unsigned char*>(s.signature.data()),
            reinterpret_cast<const unsigned char*>(note->body.data()), note->body.size(),
            reinterpret_cast<const unsigned char*>(public_key.data())) != 0) {
      return Status::Corruption("checkpoint of " + checkpoint->origin + ": the signature by key " +
                                ToHex(key_hash) +
                                " does not verify: the checkpoint was changed after signing");
    }
    return checkpoint;
  }
  if (note->signatures.empty()) {
    return Status::Corruption("checkpoint of " + checkpoint->origin +
                              ": unsigned (sign it with 'receipts checkpoint --sign-key')");
  }
  return Status::Corruption("checkpoint of " + checkpoint->origin + ": no signature by key " +
                            ToHex(key_hash) + " (signed by another key)");
}

Result<std::string> ReadNotePublicKey(const std::string& path_or_verifier_key) {
  std::error_code ec;
  if (!std::filesystem::exists(path_or_verifier_key, ec)) {
    // name+hash+base64(0x01 || key)
    const std::string& text = path_or_verifier_key;
    // The name holds no '+'; the base64 after the hash may.
    const std::size_t first = text.find('+');
    const std::size_t second = first == std::string::npos ? first : text.find('+', first + 1);
    std::string hash, typed;
    if (first == std::string::npos || first == 0 || second == std::string::npos ||
        !FromHex(std::string_view(text).substr(first + 1, second - first - 1), &hash) ||
        hash.size() != 4 || !FromBase64(std::string_view(text).substr(second + 1), &typed) ||
        typed.size() != 33 || typed[0] != kEd25519Type) {
      return Status::InvalidInput(text +
                                  ": neither a key file nor a verifier key (name+hash+base64)");
    }
    std::string key = typed.substr(1);
    if (NoteKeyHash(text.substr(0, first), key) != hash) {
      return Status::InvalidInput(text + ": the key hash does not match the name and key");
    }
    return key;
  }
  return ReadPublicKey(path_or_verifier_key);
}

}  // namespace receipts
