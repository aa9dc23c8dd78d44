// Writing files so that a reader, a crash or a full disk never leaves a half-written one, and a
// symlink planted where a temporary file will go cannot redirect the write.
//
// Every temporary entry is named ".NAME.tmp-PID-XXXXXX" beside its final NAME: PID is the
// writer's process id and XXXXXX six random letters or digits, created with O_CREAT|O_EXCL|
// O_NOFOLLOW (files) or mkdir (directories), so an existing entry, symlink or not, is never
// reused. RemoveStaleTemps removes the ones a killed writer left, and nothing else.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

// A temporary entry just created in a directory: its path and, for a file, its open descriptor
// (write-only, close-on-exec); -1 for a directory.
struct TempEntry {
  std::string path;
  int fd = -1;
};

// Creates a new temporary file for the final name `name` in `dir` with `mode` (less the umask).
// Fails with IoError naming `dir` when no file can be created.
Result<TempEntry> CreateTempFile(const std::string& dir, std::string_view name, mode_t mode);

// Creates a new, private (0700) temporary directory for the final name `name` in `dir`.
Result<TempEntry> CreateTempDirectory(const std::string& dir, std::string_view name);

// Writes all of `bytes` to `fd` (retrying short writes and EINTR). Returns 0 or the errno.
int WriteAll(int fd, std::string_view bytes);

// Writes all of `bytes` to `fd` and fsyncs it. Returns 0 or the errno of the failure.
int WriteAllAndSync(int fd, std::string_view bytes);

// Replaces (or creates) the file at `path` with `content`: written and fsynced in a temporary
// file beside it, renamed over `path`, then the directory fsynced. On failure `path` is as it
// was, the temporary file is gone, and the IoError names `path` and the cause.
Status WriteFileAtomically(const std::string& path, std::string_view content, mode_t mode = 0644);

// The same, but fails (IoError "already exists") rather than replace an existing `path`, even one
// created while this ran: for keys, which must never be overwritten.
Status WriteNewFileAtomically(const std::string& path, std::string_view content, mode_t mode);

// Fsyncs the directory `dir`, so the renames in it are durable. Returns 0 or the errno.
int SyncDirectory(const std::string& dir);

// Whether `entry` (a file name, no directory) is one of our temporary names; when `name` is not
// empty, one for that final name only.
bool IsTempName(std::string_view entry, std::string_view name = {});

// Removes, in `dir`, the temporary files and directories (with their contents) that a writer
// which is no longer running left behind: names matching IsTempName(entry, name) whose PID is
// not a live process. Entries of a live writer (this process included) and every other name are
// left alone. Best effort: returns how many were removed.
std::size_t RemoveStaleTemps(const std::string& dir, std::string_view name = {});

}  // namespace receipts
