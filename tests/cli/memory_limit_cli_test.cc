// The binary under a low address-space limit (`ulimit -v`). Allocation failure: every
// std::bad_alloc aborted it (exit 134, no word of why); a run that needs more memory than it may
// have must end with exit 1 and a message. Claims files were inflated whole (a 4 MB gzip reached
// 4.1 GB): a .gz list far larger than the limit must ingest, streamed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../archive_bytes.h"
#include "run_binary.h"

#if defined(__SANITIZE_ADDRESS__)
#define RECEIPTS_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RECEIPTS_UNDER_ASAN 1
#endif
#endif

namespace receipts {
namespace {

using testing::GzipBytes;

namespace fs = std::filesystem;
using namespace testing;  // MakeTestDir, Ran, RunBinary

// Address space the runs may use: room for the binary, its libraries, its threads and a small
// ingest; far too little for the claims of the big JSON list below (about a kilobyte each) or for
// the 450 MiB the gzip below inflates to.
constexpr const char* kLimit = "ulimit -v 393216 && ";  // 384 MiB

class MemoryLimitCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
#ifdef RECEIPTS_UNDER_ASAN
    GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit allows";
#endif
    dir_ = MakeTestDir("receipts_oom_");
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // A JSON list of `items` minimal claims: 15 bytes of input, about a kilobyte of Claim each.
  std::string WriteList(const std::string& name, int items) {
    fs::path path = dir_ / name;
    std::ofstream out(path, std::ios::binary);
    out << "[";
    for (int i = 0; i < items; ++i) out << (i > 0 ? "," : "") << "{\"savings\":1}";
    out << "]";
    return path.string();
  }

  Ran Ingest(const std::string& claims, const std::string& ledger) {
    return RunBinary(dir_, "ingest --ledger " + (dir_ / ledger).string() + " --claims " + claims,
                     kLimit);
  }

  fs::path dir_;
};

TEST_F(MemoryLimitCliTest, AllocationFailureIsExit1WithAMessageNotAnAbort) {
  // The limit leaves room for real work: a small list ingests.
  Ran small = Ingest(WriteList("small.json", 10), "small.db");
  ASSERT_EQ(small.exit_code, 0) << small.err;

  Ran big = Ingest(WriteList("big.json", 1'000'000), "big.db");
  EXPECT_EQ(big.exit_code, 1) << big.err;
  EXPECT_NE(big.err.find("receipts: out of memory"), std::string::npos) << big.err;
}

}  // namespace
}  // namespace receipts

namespace receipts {
namespace {

TEST_F(MemoryLimitCliTest, AGzipClaimsListIsStreamedNotInflatedWhole) {
  // Two claims after 450 MiB of blank lines (skipped, as in any CSV list): 450 gzip members of
  // 1 MiB each, 0.5 MB on disk.
  fs::path path = dir_ / "2025-05-19_contracts_api.csv.gz";
  {
    std::ofstream out(path, std::ios::binary);
    out << GzipBytes("piid,agency,value,savings\n");
    const std::string blank = GzipBytes(std::string(1 << 20, '\n'));
    for (int i = 0; i < 450; ++i) out << blank;
    out << GzipBytes("X1,Navy,10,5\nX2,Navy,10,1\n");
  }
  Ran ran = Ingest(path.string(), "gz.db");
  EXPECT_EQ(ran.exit_code, 0) << ran.err;
  EXPECT_NE(ran.err.find("2 contracts claims, $6.00 claimed"), std::string::npos) << ran.err;
}

}  // namespace
}  // namespace receipts
