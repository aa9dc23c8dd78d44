// Files for tests: a fresh temporary directory per test, and reading a file back whole.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace receipts::testing {

// A fresh, empty directory for the running test, <temp>/<prefix><pid>_<test name>, emptied
// first if an earlier run left it behind. The test removes it when done.
inline std::filesystem::path MakeTestDir(const std::string& prefix) {
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() / (prefix + std::to_string(::getpid()) + "_" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The whole content of the file at `path`, byte for byte; empty when it cannot be read.
inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// tests/fixtures/FOLDER/NAME in the source tree.
inline std::string FixturePath(const std::string& folder, const std::string& name) {
  return std::string(RECEIPTS_SOURCE_DIR) + "/tests/fixtures/" + folder + "/" + name;
}

}  // namespace receipts::testing
