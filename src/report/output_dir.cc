#include "report/output_dir.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>
#include <system_error>

#include "core/atomic_file.h"
#include "report/leases_csv.h"
#include "report/published_csv.h"
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

// "report.html" or "claims/x.html": plain names joined by '/', no empty, "." or ".." part.
bool IsRelativeFilePath(std::string_view name) {
  for (std::size_t at; (at = name.find('/')) != std::string_view::npos;
       name.remove_prefix(at + 1)) {
    if (!IsPlainFileName(name.substr(0, at))) return false;
  }
  return IsPlainFileName(name);
}

// Every directory the files' paths pass through ("claims" for "claims/x.html"), parents first.
std::set<std::string, std::less<>> DirectoriesOf(const std::set<std::string, std::less<>>& names) {
  std::set<std::string, std::less<>> dirs;
  for (const std::string& name : names) {
    for (std::size_t at = name.find('/'); at != std::string::npos; at = name.find('/', at + 1)) {
      dirs.insert(name.substr(0, at));
    }
  }
  return dirs;
}

std::string ErrnoText(int error) { return std::strerror(error); }

// Before version 0.2 each file had its own temporary ".NAME.tmp-PID" inside DIR.
bool IsOldTempName(std::string_view entry, const std::set<std::string, std::less<>>& names) {
  std::size_t marker = entry.rfind(".tmp-");
  return entry.size() > 1 && entry[0] == '.' && marker != std::string_view::npos &&
         names.count(entry.substr(1, marker - 1)) > 0;
}

// The first entry of the existing directory `dir` that a run of ours did not write: replacing
// `dir` removes its old entries, so a directory holding anything else is not replaced. Empty
// when there is none.
Result<std::string> ForeignEntry(const std::string& dir,
                                 const std::set<std::string, std::less<>>& names) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr)
    return Status::IoError(fmt::format("cannot read {}: {}", dir, ErrnoText(errno)));
  const std::set<std::string, std::less<>> dirs = DirectoriesOf(names);
  std::string foreign;
  while (dirent* e = ::readdir(d)) {
    std::string_view entry = e->d_name;
    if (entry == "." || entry == "..") continue;
    if (names.count(entry) > 0 || IsOldTempName(entry, names)) continue;
    if (dirs.count(entry) > 0) continue;  // looked into below
    foreign = entry;
    break;
  }
  ::closedir(d);
  if (!foreign.empty() || dirs.empty()) return foreign;
  // Inside the folders a run writes, every entry must be one of its files or folders, or a file
  // of the kind it writes there (an earlier run's page for a claim this run no longer has).
  std::map<std::string, std::set<std::string>> extensions;  // per folder
  for (const std::string& name : names) {
    std::size_t slash = name.rfind('/');
    if (slash != std::string::npos) {
      extensions[name.substr(0, slash)].insert(fs::path(name).extension().string());
    }
  }
  std::error_code ec;
  for (const std::string& sub : dirs) {
    fs::path path = fs::path(dir) / sub;
    if (fs::symlink_status(path, ec).type() != fs::file_type::directory) continue;
    for (const fs::directory_entry& e : fs::directory_iterator(path, ec)) {
      std::string relative = sub + "/" + e.path().filename().string();
      if (names.count(relative) > 0 || dirs.count(relative) > 0) continue;
      const bool plain_file = e.symlink_status(ec).type() == fs::file_type::regular;
      if (plain_file && extensions[sub].count(e.path().extension().string()) > 0) continue;
      return relative;
    }
    if (ec) return Status::IoError(fmt::format("cannot read {}: {}", path.string(), ec.message()));
  }
  return std::string();
}

// Renders every file into the fresh directory `temp`; returns 0 or the errno, with the failed
// name in *failed (a render that fails gives EIO and its Status in *render_error).
int WriteInto(const std::string& temp, const std::vector<OutputFile>& files, std::string* failed,
              Status* render_error) {
  int dir_fd = ::open(temp.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) return errno;
  int error = 0;
  std::set<std::string, std::less<>> made;  // subdirectories created, fsynced at the end
  for (const OutputFile& file : files) {
    *failed = file.name;
    for (std::size_t at = file.name.find('/'); at != std::string::npos && error == 0;
         at = file.name.find('/', at + 1)) {
      std::string sub = file.name.substr(0, at);
      if (made.count(sub) > 0) continue;
      if (::mkdirat(dir_fd, sub.c_str(), 0755) != 0 && errno != EEXIST) error = errno;
      made.insert(sub);
    }
    if (error != 0) break;
    int fd = ::openat(dir_fd, file.name.c_str(),
                      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
      error = errno;
      break;
    }
    int write_error = 0;
    TextSink sink([fd, &write_error](std::string_view piece) {
      write_error = WriteAll(fd, piece);
      return write_error == 0 ? Status::Ok() : Status::IoError(ErrnoText(write_error));
    });
    Status rendered = file.render(&sink);
    Status drained = sink.Finish();
    if (write_error != 0) {
      error = write_error;
    } else if (!rendered.ok() || !drained.ok()) {
      error = EIO;
      *render_error = rendered.ok() ? drained : rendered;
    } else if (::fsync(fd) != 0) {
      error = errno;
    }
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error != 0) break;
  }
  // Deepest first, so each directory's entries are durable before its parent's.
  for (auto sub = made.rbegin(); error == 0 && sub != made.rend(); ++sub) {
    *failed = *sub;
    int sub_fd = ::openat(dir_fd, sub->c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (sub_fd < 0) {
      error = errno;
    } else {
      if (::fsync(sub_fd) != 0 && errno != EINVAL) error = errno;
      ::close(sub_fd);
    }
  }
  if (error == 0) {
    failed->clear();
    if (::fsync(dir_fd) != 0 && errno != EINVAL) error = errno;
  }
  ::close(dir_fd);
  return error;
}

// Puts the complete directory `temp` at `dir`. An existing `dir` is exchanged with `temp` in
// one renameat2(RENAME_EXCHANGE), so `dir` always names one whole run; the old run is then at
// `temp`. Returns 0 or the errno.
int SwapIn(const std::string& temp, const std::string& dir, bool exists) {
  if (!exists) return ::rename(temp.c_str(), dir.c_str()) == 0 ? 0 : errno;
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
  // A file system without RENAME_EXCHANGE: for a moment there is no `dir`, never a mixed one.
  std::string old = temp + ".old";
  if (::rename(dir.c_str(), old.c_str()) != 0) return errno;
  if (::rename(temp.c_str(), dir.c_str()) != 0) {
    int error = errno;
    ::rename(old.c_str(), dir.c_str());
    return error;
  }
  return ::rename(old.c_str(), temp.c_str()) == 0 ? 0 : errno;
}

}  // namespace

Status WriteFilesAtomically(const std::string& dir_arg, const std::vector<OutputFile>& files) {
  std::set<std::string, std::less<>> names;
  for (const OutputFile& file : files) {
    if (!IsRelativeFilePath(file.name)) {
      return Status::InvalidInput(fmt::format("'{}' is not a plain file name or path", file.name));
    }
    names.insert(file.name);
  }
  // "out/" and "out" are the same directory; a symlink to a directory is replaced at its target.
  fs::path path = fs::path(dir_arg).lexically_normal();
  if (!path.empty() && path.filename().empty()) path = path.parent_path();
  std::error_code ec;
  if (fs::symlink_status(path, ec).type() == fs::file_type::symlink) {
    path = fs::canonical(path, ec);
    if (ec) return Status::IoError(fmt::format("cannot write into {}: {}", dir_arg, ec.message()));
  }
  if (path.empty() || path.filename() == "." || path.filename() == "..") {
    path = fs::absolute(path, ec).lexically_normal();
    if (path.filename().empty()) path = path.parent_path();
  }
  const std::string dir = path.string();
  const std::string parent = path.has_parent_path() ? path.parent_path().string() : ".";
  const std::string base = path.filename().string();

  fs::create_directories(parent, ec);
  if (ec)
    return Status::IoError(fmt::format("cannot create directory {}: {}", dir_arg, ec.message()));
  const bool exists = fs::symlink_status(path, ec).type() != fs::file_type::not_found;
  if (exists) {
    if (!fs::is_directory(path, ec)) {
      return Status::IoError(fmt::format("cannot write into {}: not a directory", dir_arg));
    }
    // Swapping needs only the parent writable; a directory the user made read-only stays.
    if (::access(dir.c_str(), W_OK) != 0) {
      return Status::IoError(fmt::format("cannot write into {}: {}", dir_arg, ErrnoText(errno)));
    }
    Result<std::string> foreign = ForeignEntry(dir, names);
    if (!foreign.ok()) return foreign.status();
    if (!foreign->empty()) {
      return Status::IoError(fmt::format(
          "not replacing {}: it holds '{}', which receipts did not write there (give a new or "
          "empty directory)",
          dir_arg, *foreign));
    }
  }
  // What a killed run left beside `dir` (its new run unswapped, or its old one not yet removed).
  RemoveStaleTemps(parent, base);

  Result<TempEntry> temp = CreateTempDirectory(parent, base);
  if (!temp.ok()) {
    return Status::IoError(
        fmt::format("cannot write into {}: {}", dir_arg, temp.status().message()));
  }
  std::string failed;
  Status render_error;
  if (int error = WriteInto(temp->path, files, &failed, &render_error); error != 0) {
    fs::remove_all(temp->path, ec);
    if (!render_error.ok()) return render_error;
    std::string what = failed.empty() ? dir : (path / failed).string();
    return Status::IoError(fmt::format("cannot write {}: {}", what, ErrnoText(error)));
  }
  // Readable like any directory mkdir makes, not private like a temporary one.
  mode_t mode = 0755;
  struct stat old_st;
  if (exists && ::stat(dir.c_str(), &old_st) == 0) mode = old_st.st_mode & 07777;
  ::chmod(temp->path.c_str(), mode);
  if (int error = SwapIn(temp->path, dir, exists); error != 0) {
    fs::remove_all(temp->path, ec);
    return Status::IoError(
        fmt::format("cannot replace {} with the new run: {}", dir_arg, ErrnoText(error)));
  }
  const int sync_error = SyncDirectory(parent);
  // The new run is in place; the old one, now at the temporary name, goes. Should that fail it
  // is removed by the next run (RemoveStaleTemps), as from a run killed here.
  fs::remove_all(temp->path, ec);
  if (sync_error != 0) {
    return Status::IoError(
        fmt::format("{} holds the new run, but it may not survive a crash: fsync of {}: {}",
                    dir_arg, parent, ErrnoText(sync_error)));
  }
  return Status::Ok();
}

Status WriteFilesAtomically(const std::string& dir,
                            const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<OutputFile> outputs;
  outputs.reserve(files.size());
  for (const auto& [name, content] : files) {
    outputs.push_back({name, [&content = content](TextSink* sink) {
                         sink->Append(content);
                         return Status::Ok();
                       }});
  }
  return WriteFilesAtomically(dir, outputs);
}

Status WriteVerifyReport(const std::string& dir, const VerifyRun& run, const ClaimsMoney* money) {
  const Summary summary = Summarize(run);
  auto text = [](std::string (*render)(const Summary&), const Summary& of) {
    return [render, &of](TextSink* sink) {
      sink->Append(render(of));
      return Status::Ok();
    };
  };
  return WriteFilesAtomically(dir, std::vector<OutputFile>{
                                       {"verdicts.csv",
                                        [&run](TextSink* sink) {
                                          RenderVerdictsCsv(run, sink);
                                          return Status::Ok();
                                        }},
                                       {"leases.csv",
                                        [&run](TextSink* sink) {
                                          RenderLeasesCsv(run, sink);
                                          return Status::Ok();
                                        }},
                                       {"published.csv",
                                        [&run](TextSink* sink) {
                                          RenderPublishedCsv(run, sink);
                                          return Status::Ok();
                                        }},
                                       {"summary.json", text(RenderSummaryJson, summary)},
                                       {"summary.md", text(RenderSummaryMd, summary)},
                                       {"report.html",
                                        [&run, &summary, money](TextSink* sink) {
                                          RenderReportHtml(run, summary, sink, money);
                                          return Status::Ok();
                                        }},
                                   });
}

}  // namespace receipts
