// Running the `receipts` binary under the fault-injection shim (tests/fault/fault_shim.c): one
// chosen file system call under a directory fails with ENOSPC or EIO, or the process is killed
// just before it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../cli/run_binary.h"

namespace receipts::testing {

inline const std::string kFaultShim = RECEIPTS_FAULT_SHIM;

// The records the verify fault tests read: a slice of the real FPDS awards file.
inline const std::string kSliceRecords = kSource + "/tests/fixtures/records/fpds_awards_slice.csv";
// More fault points than a verify's write path reaches (about 30): loops stop when the shim is
// no longer reached.
constexpr long kVerifyFaultPoints = 120;

// Where and how the shim strikes: the `at`-th (0-based) call among `ops` ("all", or a comma
// list of open, write, fsync, rename, unlink, mkdir) on a path under `dir`.
struct Fault {
  std::filesystem::path dir;
  std::string ops = "all";
  long at = 0;
  std::string error = "ENOSPC";  // or "EIO"
  bool kill = false;             // SIGKILL instead of an error
};

// What a run under a fault did, and whether the shim reached the chosen call at all (when it
// did not, the run went through every call of its path: the points are exhausted).
struct FaultRan {
  Ran ran;
  bool fired = false;
};

// Runs the binary as RunBinary does (stdout, stderr in files of `io_dir`, which must not be
// under fault.dir), with the shim preloaded and configured for `fault`.
inline FaultRan RunWithFault(const std::filesystem::path& io_dir, const std::string& args,
                             const Fault& fault, const std::string& prefix = "") {
  const std::string env =
      "LD_PRELOAD=" + kFaultShim + " ASAN_OPTIONS=verify_asan_link_order=0" +
      " RECEIPTS_FAULT_DIR=" + fault.dir.string() + " RECEIPTS_FAULT_OPS=" + fault.ops +
      " RECEIPTS_FAULT_AT=" + std::to_string(fault.at) + " RECEIPTS_FAULT_ERRNO=" + fault.error +
      " RECEIPTS_FAULT_KILL=" + (fault.kill ? "1" : "0") + " ";
  FaultRan out;
  out.ran = RunBinary(io_dir, args, prefix + env);
  out.fired = out.ran.err.find("receipts-fault: ") != std::string::npos;
  return out;
}

// Every regular file directly in `dir`, name to content.
inline std::map<std::string, std::string> FilesIn(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    files[entry.path().filename().string()] =
        entry.is_regular_file() ? Slurp(entry.path()) : std::string("<not a regular file>");
  }
  return files;
}

// The names and sizes of `files`, for failure messages (the contents are long).
inline std::string Describe(const std::map<std::string, std::string>& files) {
  std::string out;
  for (const auto& [name, content] : files) {
    out += name + " (" + std::to_string(content.size()) + " bytes) ";
  }
  return out.empty() ? "nothing" : out;
}

// The entries under `dir` (recursively) whose name holds ".tmp": temporary files left behind.
inline std::vector<std::string> TempEntries(const std::filesystem::path& dir) {
  std::vector<std::string> found;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().find(".tmp") != std::string::npos) {
      found.push_back(it->path().string());
    }
  }
  return found;
}

}  // namespace receipts::testing
