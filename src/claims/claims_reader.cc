#include "claims/claims_reader.h"

#include <algorithm>
#include <memory>
#include <string_view>
#include <utility>

#include "claims/claims_json.h"
#include "core/input_open.h"
#include "io/archive_stream.h"
#include "io/input_file.h"
#include "io/mapped_file.h"
#include "io/read_ahead.h"

namespace receipts {
namespace {

// Pieces a claims CSV is read in: a few records' worth would do; this keeps the calls few.
constexpr std::size_t kPieceBytes = 8 << 20;

// JSON when the first byte that is not white space (after any UTF-8 byte order mark) opens a
// list or an object; no CSV header starts so.
bool LooksLikeJson(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (bytes[first] == '[' || bytes[first] == '{');
}

Status SendAll(Result<std::vector<Claim>> claims, const ClaimSink& sink) {
  if (!claims.ok()) return claims.status();
  for (Claim& claim : *claims) {
    if (Status s = sink(std::move(claim)); !s.ok()) return s;
  }
  return Status::Ok();
}

// A plain file, mapped: pieces of the mapping are parsed and their pages handed back, so the
// resident set holds a piece, not the file.
Status StreamPlain(const std::string& path, std::optional<ClaimKind> kind, const ClaimSink& sink) {
  auto map = MappedFile::Open(path);
  if (!map.ok()) return map.status();
  std::string_view data = (*map)->data();
  if (LooksLikeJson(data)) {
    return SendAll(ParseClaimsJson(path, data, kind), sink);
  }
  ClaimsCsvParser parser(path, kind, sink);
  std::size_t pos = 0, window = kPieceBytes;
  while (true) {
    std::size_t end = std::min(data.size(), pos + window);
    bool final = end == data.size();
    Result<std::size_t> used = parser.Feed(data.substr(pos, end - pos), final);
    if (!used.ok()) return used.status();
    (*map)->Release(pos, *used);
    pos += *used;
    if (final) return Status::Ok();
    // Nothing whole in the window (the start, or a record longer than it): look further.
    window = *used == 0 ? window * 2 : kPieceBytes;
  }
}

// The part `stream` is on, inflated a piece ahead of the parse; only the bytes not yet parsed
// are kept (JSON is kept whole).
Status StreamPart(ArchiveStream* stream, const std::string& name, std::optional<ClaimKind> kind,
                  const ClaimSink& sink) {
  ReadAhead ahead(stream, kPieceBytes);
  std::string buffer;
  bool eof = false;
  std::size_t line = 1;
  auto fill = [&]() -> Status {
    Result<std::size_t> n = ahead.AppendNext(&buffer);
    if (!n.ok()) return Status::BadInput(name, line, "", n.status().message());
    if (*n == 0) eof = true;
    return Status::Ok();
  };
  while (!eof && buffer.size() < ClaimsCsvParser::kStartBytes) {
    if (Status s = fill(); !s.ok()) return s;
  }
  if (LooksLikeJson(buffer)) {
    while (!eof) {
      if (Status s = fill(); !s.ok()) return s;
    }
    return SendAll(ParseClaimsJson(name, buffer, kind), sink);
  }
  ClaimsCsvParser parser(name, kind, [&](Claim&& claim) {
    line = claim.source_line;
    return sink(std::move(claim));
  });
  while (true) {
    Result<std::size_t> used = parser.Feed(buffer, eof);
    if (!used.ok()) return used.status();
    buffer.erase(0, *used);
    if (eof) return Status::Ok();
    if (Status s = fill(); !s.ok()) return s;
  }
}

// A claims list is parsed into memory (JSON whole, CSV claim by claim into a list for verify):
// its parts get the cap of inputs decoded whole, not the far larger one of scanned records.
InputLimits ClaimsListLimits() {
  InputLimits limits;
  limits.max_streamed_bytes = limits.max_inflated_bytes;
  return limits;
}

// Every part of the compressed claims list `path` that `stream` opened.
Status StreamArchive(const std::string& path, Result<std::unique_ptr<ArchiveStream>> stream,
                     std::optional<ClaimKind> kind, const ClaimSink& sink) {
  if (!stream.ok()) return stream.status();
  std::size_t parts = 0;
  std::string name;
  while (true) {
    Result<bool> next = (*stream)->NextPart(&name);
    if (!next.ok()) return next.status();
    if (!*next) break;
    ++parts;
    if (Status s = StreamPart(stream->get(), name, kind, sink); !s.ok()) return s;
  }
  if (parts == 0) return Status::InvalidInput(path + ": archive holds no file");
  return Status::Ok();
}

Result<std::vector<Claim>> ParseParts(std::vector<InputPart> parts, std::optional<ClaimKind> kind) {
  std::vector<Claim> claims;
  for (const InputPart& part : parts) {
    Result<std::vector<Claim>> some = LooksLikeJson(part.bytes)
                                          ? ParseClaimsJson(part.name, part.bytes, kind)
                                          : ParseClaimsCsv(part.name, part.bytes, kind);
    if (!some.ok()) return some.status();
    if (claims.empty()) {
      claims = std::move(some).value();
    } else {
      for (Claim& claim : *some) claims.push_back(std::move(claim));
    }
  }
  return claims;
}

}  // namespace

Status StreamClaimsFile(const std::string& path, std::optional<ClaimKind> kind,
                        const ClaimSink& sink) {
  if (Status s = CheckInputFile(path, "a claims file"); !s.ok()) return s;
  Result<ArchiveStream::Kind> detected = ArchiveStream::Detect(path);
  if (!detected.ok()) return detected.status();
  if (*detected == ArchiveStream::Kind::kPlain) return StreamPlain(path, kind, sink);
  return StreamArchive(path, ArchiveStream::Open(path, *detected, ClaimsListLimits()), kind, sink);
}

Status StreamClaimsRead(const std::string& path, std::string_view bytes,
                        std::optional<ClaimKind> kind, const ClaimSink& sink) {
  ArchiveStream::Kind compressed = ArchiveStream::DetectBytes(bytes);
  if (compressed != ArchiveStream::Kind::kPlain) {
    return StreamArchive(
        path, ArchiveStream::OpenBytes(path, bytes, compressed, ClaimsListLimits()), kind, sink);
  }
  if (LooksLikeJson(bytes)) return SendAll(ParseClaimsJson(path, bytes, kind), sink);
  ClaimsCsvParser parser(path, kind, sink);
  Result<std::size_t> used = parser.Feed(bytes, /*final=*/true);
  return used.ok() ? Status::Ok() : used.status();
}

Result<std::vector<Claim>> ReadClaimsFile(const std::string& path, std::optional<ClaimKind> kind) {
  std::vector<Claim> claims;
  Status s = StreamClaimsFile(path, kind, [&claims](Claim&& claim) {
    claims.push_back(std::move(claim));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return claims;
}

Result<std::vector<Claim>> ParseClaims(const std::string& name, std::string bytes,
                                       std::optional<ClaimKind> kind) {
  Result<std::vector<InputPart>> parts = DecodeInput(name, std::move(bytes));
  if (!parts.ok()) return parts.status();
  return ParseParts(std::move(parts).value(), kind);
}

}  // namespace receipts
