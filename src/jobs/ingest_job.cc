#include "jobs/ingest_job.h"

#include <filesystem>
#include <functional>
#include <utility>

#include "claims/claims_reader.h"
#include "core/as_of.h"
#include "jobs/claims_input.h"

namespace receipts {
namespace {

// Reads the claims of `bytes`, handing each to the ledger as it is read. A file is streamed (a
// compressed one inflated from its path, piece by piece); an upload has no path, so it is read
// from the bytes whole, as the API always has.
Ledger::ClaimFeed FeedOf(const std::string& source, const std::string& bytes,
                         std::optional<ClaimKind> kind, bool is_file) {
  if (!is_file) {
    return [&source, &bytes, kind](const std::function<Status(const Claim&)>& take) {
      auto claims = ParseClaims(source, bytes, kind);
      if (!claims.ok()) return claims.status();
      for (const Claim& claim : *claims) {
        if (Status s = take(claim); !s.ok()) return s;
      }
      return Status::Ok();
    };
  }
  return [&source, &bytes, kind](const std::function<Status(const Claim&)>& take) {
    return StreamClaimsRead(source, bytes, kind, take);
  };
}

Result<SnapshotInput> InputOf(IngestJob* job) {
  if (Status s =
          CheckClaimsBytes(job->source, job->bytes, "pass it to `receipts verify --records`");
      !s.ok()) {
    return s;
  }
  auto as_of = ResolveAsOf(job->as_of, job->name);
  if (!as_of.ok()) return as_of.status();
  SnapshotInput input;
  input.source = job->source;
  input.as_of = *as_of;
  input.kind = job->kind ? ClaimKindPluralName(*job->kind) : "";  // else from the claims
  input.allow_empty = job->allow_empty;
  input.pages.push_back({job->source, std::move(job->bytes)});
  return input;
}

}  // namespace

Result<std::string> ResolveAsOf(const std::string& as_of, const std::string& name) {
  if (!as_of.empty()) return ParseAsOf(as_of);
  return AsOfFromFileName(name).value_or(NowUtc());
}

Result<IngestResult> IngestInto(Ledger* ledger, IngestJob job) {
  auto input = InputOf(&job);
  if (!input.ok()) return input.status();
  return ledger->IngestFeed(
      *input, FeedOf(input->source, input->pages.front().bytes, job.kind, job.is_file), job.key);
}

Result<IngestResult> RunIngestJob(const std::string& ledger_path, IngestJob job) {
  auto input = InputOf(&job);
  if (!input.ok()) return input.status();
  Ledger::ClaimFeed feed =
      FeedOf(input->source, input->pages.front().bytes, job.kind, /*is_file=*/true);
  std::error_code exists_error;
  if (!std::filesystem::exists(ledger_path, exists_error)) {
    // No ledger file is created for bad input: read the list through once first.
    std::size_t count = 0;
    Status read = feed([&count](const Claim&) {
      ++count;
      return Status::Ok();
    });
    if (!read.ok()) return read;
    if (count == 0 && !job.allow_empty) return EmptyListRefused(input->source);
  }
  auto ledger = Ledger::Open(ledger_path, /*create=*/true);
  if (!ledger.ok()) return ledger.status();
  return (*ledger)->IngestFeed(*input, feed, job.key);
}

}  // namespace receipts
