#include "report/output_dir.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "report/report_html.h"
#include "report/summary.h"
#include "report/summary_json.h"
#include "report/summary_md.h"
#include "report/verdicts_csv.h"

namespace receipts {
namespace {

namespace fs = std::filesystem;

bool IsPlainFileName(std::string_view name) {
  return !name.empty() && name != "." && name != ".." &&
         name.find_first_of(std::string_view("/\0", 2)) == std::string_view::npos;
}

std::string ErrnoText(int error) { return std::strerror(error); }

// Writes `content` to a new file at `path` and fsyncs it. Returns an errno value, 0 on success.
int WriteAndSync(const std::string& path, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd);
      return error;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  if (::fsync(fd) != 0) {
    int error = errno;
    ::close(fd);
    return error;
  }
  if (::close(fd) != 0) return errno;
  return 0;
}

void RemoveAll(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) ::unlink(path.c_str());
}

// Makes the renames themselves durable. Best effort: not every file system supports it.
void SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

Status WriteFilesAtomically(const std::string& dir,
                            const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [name, content] : files) {
    if (!IsPlainFileName(name)) {
      return Status::InvalidInput(fmt::format("'{}' is not a plain file name", name));
    }
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError(fmt::format("cannot create directory {}: {}", dir, ec.message()));
  if (!fs::is_directory(dir, ec)) {
    return Status::IoError(fmt::format("cannot write into {}: not a directory", dir));
  }

  const std::string pid = std::to_string(::getpid());
  std::vector<std::string> temps;
  std::vector<std::string> finals;
  for (const auto& [name, content] : files) {
    std::string final_path = (fs::path(dir) / name).string();
    std::string temp_path = (fs::path(dir) / ("." + name + ".tmp-" + pid)).string();
    temps.push_back(temp_path);  // before writing: a failed write may leave a partial file
    finals.push_back(final_path);
    if (int error = WriteAndSync(temp_path, content); error != 0) {
      RemoveAll(temps);
      return Status::IoError(
          fmt::format("cannot write {} (via {}): {}", final_path, temp_path, ErrnoText(error)));
    }
  }
  for (std::size_t i = 0; i < temps.size(); ++i) {
    if (::rename(temps[i].c_str(), finals[i].c_str()) != 0) {
      int error = errno;
      RemoveAll(
          std::vector<std::string>(temps.begin() + static_cast<std::ptrdiff_t>(i), temps.end()));
      return Status::IoError(
          fmt::format("cannot rename {} to {}: {}", temps[i], finals[i], ErrnoText(error)));
    }
  }
  SyncDirectory(dir);
  return Status::Ok();
}

Status WriteVerifyReport(const std::string& dir, const VerifyRun& run) {
  Summary summary = Summarize(run);
  return WriteFilesAtomically(dir, {
                                       {"verdicts.csv", RenderVerdictsCsv(run)},
                                       {"summary.json", RenderSummaryJson(summary)},
                                       {"summary.md", RenderSummaryMd(summary)},
                                       {"report.html", RenderReportHtml(run, summary)},
                                   });
}

}  // namespace receipts
