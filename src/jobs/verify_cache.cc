#include "jobs/verify_cache.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

#include "core/atomic_file.h"
#include "core/input_open.h"
#include "core/sha256.h"
#include "fetch/record_store.h"
#include "jobs/claims_input.h"
#include "records/postgres_records.h"
#include "report/headline.h"
#include "report/output_dir.h"
#include "report/summary.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kEdgeBytes = 1 << 20;
constexpr std::size_t kMaxEntries = 16;
constexpr const char* kOutPlaceholder = "\x01OUT\x01";

// Copies the file at `path` into `sink` a piece at a time, so a cached report is never held whole.
Status CopyFileInto(const std::string& path, TextSink* sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::string piece(TextSink::kSpillBytes, '\0');
  while (in) {
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    sink->Append(std::string_view(piece.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) return Status::IoError(path + ": read failed");
  return Status::Ok();
}

// The outputs of a run, each copied from `dir` as it is written.
std::vector<OutputFile> CopiesOfOutputs(const fs::path& dir) {
  std::vector<OutputFile> files;
  for (const char* name : kVerifyReportFiles) {
    files.push_back({name, [from = (dir / name).string()](TextSink* sink) {
                       return CopyFileInto(from, sink);
                     }});
  }
  return files;
}

// Path, size, mtime and the SHA-256 of the first and last MiB.
Result<std::string> RecordFileIdentity(const std::string& path) {
  if (Status s = CheckInputFile(path); !s.ok()) return s;  // opening a FIFO would hang
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Status::IoError(path + ": cannot open");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  std::string edges(std::min<std::uint64_t>(size, kEdgeBytes), '\0');
  in.read(edges.data(), static_cast<std::streamsize>(edges.size()));
  if (size > kEdgeBytes) {
    std::string tail(std::min<std::uint64_t>(size - kEdgeBytes, kEdgeBytes), '\0');
    in.seekg(static_cast<std::streamoff>(size - tail.size()));
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    edges += tail;
  }
  if (!in) return Status::IoError(path + ": read failed");
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return fmt::format("{}\n{}\n{}.{:09}\n{}", ec ? path : absolute.string(), size, st.st_mtim.tv_sec,
                     st.st_mtim.tv_nsec, Sha256Hex(edges));
}

std::string ProgramDigest() {
  static const std::string digest = [] {
    Result<std::string> sha = Sha256File("/proc/self/exe");
    return sha.ok() ? *sha : std::string("unknown-build");
  }();
  return digest;
}

// Keeps the newest kMaxEntries entries.
void Prune(const fs::path& dir) {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory(ec) && entry.path().filename().string().size() == 64) {
      entries.emplace_back(entry.last_write_time(ec), entry.path());
    }
  }
  if (entries.size() <= kMaxEntries) return;
  std::sort(entries.begin(), entries.end());
  for (std::size_t i = 0; i + kMaxEntries < entries.size(); ++i)
    fs::remove_all(entries[i].second, ec);
}

std::string WithOutDir(std::string headline, const std::string& out_dir) {
  std::size_t at = headline.find(kOutPlaceholder);
  if (at != std::string::npos) headline.replace(at, std::string(kOutPlaceholder).size(), out_dir);
  return headline;
}

}  // namespace

std::string DefaultVerifyCacheDir() {
  if (const char* dir = std::getenv("RECEIPTS_CACHE_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::string(xdg) + "/receipts";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.cache/receipts";
  }
  return "";
}

Result<std::string> VerifyCacheKey(const VerifyJob& job) {
  Sha256 key;
  key.Update("receipts verify cache 1\n");
  key.Update(ProgramDigest());
  key.Update(fmt::format("\nsince {}\nkind {}\n", job.since.ToIso(),
                         job.kind ? ClaimKindName(*job.kind) : "auto"));
  for (const std::string& path : job.claim_files) {
    Result<std::string> sha = Sha256File(path);
    if (!sha.ok()) return sha.status();
    key.Update(fmt::format("claims {}\n{}\n", path, *sha));
  }
  for (const std::string& path : job.record_files) {
    // A database changes under the same name: never cached.
    if (IsPostgresInput(path)) return Status::NotFound(PostgresDisplayName(path) + ": not cached");
    std::error_code ec;
    // A record store's index names every body by its SHA-256 and only grows: it stands for the
    // store. Any other directory is not cached (its files are not listed here).
    const bool directory = fs::is_directory(path, ec);
    if (directory && !RecordStore::IsStore(path)) return Status::NotFound(path + ": not cached");
    Result<std::string> id = RecordFileIdentity(directory ? path + "/index.tsv" : path);
    if (!id.ok()) return id.status();
    key.Update("records " + *id + "\n");
  }
  return key.FinishHex();
}

Result<CachedVerify> RunVerifyJobCached(const VerifyJob& job, const std::string& cache_dir) {
  CachedVerify out;
  // A record file passed as claims is refused even when an earlier run read it as claims.
  for (const std::string& path : job.claim_files) {
    if (Status s = CheckClaimsFile(path); !s.ok()) return s;
  }
  std::string key;
  if (!cache_dir.empty()) {
    Result<std::string> k = VerifyCacheKey(job);
    if (k.ok()) key = *k;  // an unreadable input fails below, in the job, with its own message
  }
  fs::path entry = key.empty() ? fs::path() : fs::path(cache_dir) / key;
  // Entries a killed or failed run left half-made (or not yet removed) are never read: drop them.
  if (!key.empty()) RemoveStaleTemps(cache_dir);
  if (!key.empty()) {
    bool complete = true;
    std::error_code ec;
    for (const char* name : kVerifyReportFiles)
      complete = complete && fs::is_regular_file(entry / name, ec);
    Result<std::string> headline = ReadWholeFile((entry / "headline.txt").string());
    // An entry that cannot be copied (removed meanwhile, unreadable) costs a scan, not the run.
    if (complete && headline.ok() &&
        WriteFilesAtomically(job.out_dir, CopiesOfOutputs(entry)).ok()) {
      fs::last_write_time(entry, fs::file_time_type::clock::now(), ec);
      out.headline = WithOutDir(*headline, job.out_dir);
      out.reused = true;
      return out;
    }
  }
  std::string headline;
  {
    // The run's claims and results go before its outputs are copied into the cache.
    Result<VerifyRun> run = RunVerifyJob(job);
    if (!run.ok()) return run.status();
    headline = RenderHeadline(Summarize(*run), run->record_actions, kOutPlaceholder);
  }
  out.headline = WithOutDir(headline, job.out_dir);
  if (!key.empty()) {
    // Copies the outputs just written; a failure only costs the next run a scan.
    std::vector<OutputFile> files = CopiesOfOutputs(job.out_dir);
    files.push_back({"headline.txt", [&headline](TextSink* sink) {
                       sink->Append(headline);
                       return Status::Ok();
                     }});
    if (WriteFilesAtomically(entry.string(), files).ok()) Prune(cache_dir);
  }
  return out;
}

}  // namespace receipts
