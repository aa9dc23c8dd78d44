// Checkpoints of the transparency log in the C2SP formats other transparency logs use
// (c2sp.org/tlog-checkpoint over c2sp.org/signed-note), so that a Go sumdb or Sigstore tool can
// read ours: a body of three lines (origin, tree size in decimal, root hash in standard base64),
// a blank line, and one line per signature: U+2014 EM DASH, a space, the key name, a space, and
// base64 of the 4-byte key hash followed by the 64-byte Ed25519 signature of the body. The key
// hash is the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key). The key name is the
// log's origin (doc/formats.md, "Checkpoints").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ledger/signing.h"

namespace receipts {

// The origin a ledger's log names itself by unless its meta table says otherwise.
inline constexpr const char kDefaultLogOrigin[] = "receipts.ledger/doge-claims";

struct Checkpoint {
  std::string origin;
  std::uint64_t size = 0;
  std::string root;  // 32 raw bytes
};

// Standard base64 with padding (RFC 4648 section 4), and back: strict, canonical text only.
std::string ToBase64(std::string_view bytes);
bool FromBase64(std::string_view text, std::string* bytes);

// "origin\nsize\nbase64(root)\n".
std::string CheckpointBody(const Checkpoint& checkpoint);

// Parses a body as CheckpointBody writes it (extension lines after the third are refused: we
// write none). Fails naming the line that is wrong.
Result<Checkpoint> ParseCheckpointBody(std::string_view body);

// The first 4 bytes of SHA-256(name || "\n" || 0x01 || public_key).
std::string NoteKeyHash(std::string_view name, std::string_view public_key);

// The note verifier key text: name "+" key hash in 8 hex digits "+" base64(0x01 || public key).
std::string NoteVerifierKey(std::string_view name, std::string_view public_key);

// `body` with its signature line by `key` under `name` appended.
std::string SignNote(std::string_view body, std::string_view name, const SigningKey& key);

struct NoteSignature {
  std::string name;
  std::string key_hash;   // 4 raw bytes
  std::string signature;  // 64 raw bytes
};

struct SignedNote {
  std::string body;  // every line up to and including the last one before the blank line
  std::vector<NoteSignature> signatures;
};

// Splits a signed note into its body and signature lines; fails on any other shape. A text with
// no blank line and no signatures is an unsigned body.
Result<SignedNote> ParseSignedNote(std::string_view text);

// The checkpoint `text` holds once its signature by `public_key` (32 raw bytes) under the
// checkpoint's own origin as key name is verified. Fails, saying why, when the text is not a
// checkpoint, carries no signature of that key, or the signature is wrong.
Result<Checkpoint> OpenCheckpoint(std::string_view text, std::string_view public_key);

// Reads a public key for verifying notes: a receipts KEYFILE.pub (64 hex digits), a secret key
// file, or a note verifier key ("name+hash+base64"), whose name and hash must then match.
Result<std::string> ReadNotePublicKey(const std::string& path_or_verifier_key);

}  // namespace receipts
