// Running the `receipts` binary as a user (or a checking script) runs it, for the tests of the
// command line: through the shell, stdin from /dev/null, stdout and stderr kept in files.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../test_files.h"

namespace receipts::testing {

// The binary under test (built with the tests) and the source tree (demo/, tests/fixtures/).
inline const std::string kBinary = RECEIPTS_BINARY;
inline const std::string kSource = RECEIPTS_SOURCE_DIR;

// What one run of the binary did: its exit code (-1 when it did not exit normally) and all it
// wrote to stdout and stderr.
struct Ran {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `prefix kBinary args` through the shell, stdin from /dev/null, stdout and stderr written
// to the files stdout and stderr in `dir` (replacing earlier ones) and read back. `args` and
// `prefix` are shell text; `prefix` goes before the binary, e.g. "cd DIR && " or "NAME=value ".
inline Ran RunBinary(const std::filesystem::path& dir, const std::string& args,
                     const std::string& prefix = "") {
  const std::string command = prefix + kBinary + " " + args + " >" + (dir / "stdout").string() +
                              " 2>" + (dir / "stderr").string() + " </dev/null";
  const int status = std::system(command.c_str());
  Ran ran;
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  ran.out = Slurp(dir / "stdout");
  ran.err = Slurp(dir / "stderr");
  return ran;
}

}  // namespace receipts::testing
