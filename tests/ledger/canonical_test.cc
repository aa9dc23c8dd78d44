// The canonical bytes the hash chain covers, pinned byte for byte (doc/formats.md, "Ledger"):
// a second implementation must produce exactly these.
#include "ledger/canonical.h"

#include <gtest/gtest.h>

#include "core/sha256.h"
#include "ledger/hash_chain.h"

namespace receipts {
namespace {

TEST(CanonicalTest, Netstrings) {
  std::string out;
  AppendNetstring(&out, "");
  AppendNetstring(&out, "a,b");
  AppendNetstring(&out, "héllo");  // length in bytes
  EXPECT_EQ(out, "0:,3:a,b,6:héllo,");
}

TEST(CanonicalTest, Sha256) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

LedgerClaim Example() {
  Claim claim;
  claim.kind = ClaimKind::kContract;
  claim.piid = "70CMSD22A00000008";
  claim.agency_id = "7012";
  claim.agency = "Department of Homeland Security";
  claim.vendor = "D&G SUPPORT SERVICES LLC";
  claim.date = *Date::FromYmd(2025, 1, 28);
  claim.claimed_savings = 800'000'000'000;
  claim.source_line = 6;
  claim.raw = {{"piid", "70CMSD22A00000008"}, {"value", "8000000000.0"}, {"note", "a \"q\"\n"}};
  return ToLedgerClaim(claim, "contract:7012:70CMSD22A00000008", 5);
}

TEST(CanonicalTest, ClaimBytes) {
  LedgerClaim claim = Example();
  EXPECT_EQ(claim.raw_json,
            R"([["piid","70CMSD22A00000008"],["value","8000000000.0"],["note","a \"q\"\u000a"]])");
  std::string bytes;
  AppendCanonicalClaim(&bytes, claim);
  EXPECT_EQ(bytes,
            "1:5,"
            "31:contract:7012:70CMSD22A00000008,"
            "8:contract,"
            "17:70CMSD22A00000008,4:7012,0:,0:,0:,0:,"
            "31:Department of Homeland Security,24:D&G SUPPORT SERVICES LLC,0:,0:,0:,"
            "10:2025-01-28,13:8000000000.00,0:,"
            "1:6," +
                std::to_string(claim.raw_json.size()) + ":" + claim.raw_json + ",");
  EXPECT_EQ(ClaimsDigest({claim}), Sha256Hex(bytes));
  EXPECT_EQ(ClaimsDigest({}), Sha256Hex(""));
}

TEST(CanonicalTest, FieldValuesAreInTheDocumentedOrder) {
  std::vector<std::string> values = CanonicalFieldValues(Example());
  ASSERT_EQ(values.size(), kCanonicalFieldCount);
  EXPECT_STREQ(kCanonicalFieldNames[12], "claimed_savings");
  EXPECT_EQ(values[12], "8000000000.00");
  EXPECT_EQ(values[13], "");  // unknown is blank, not zero
}

TEST(CanonicalTest, HeadBytes) {
  SnapshotHeader h;
  h.id = 2;
  h.kind = "contracts";
  h.source = "x.csv";
  h.as_of = "2025-02-19T10:50:00Z";
  h.ingested_at = "2025-11-23T00:00:00Z";
  h.raw_sha256 = std::string(64, 'a');
  h.pages = {{"x.csv", std::string(64, 'a')}};
  h.claim_count = 1;
  h.claimed_total = 123;
  h.claims_sha256 = std::string(64, 'b');
  EXPECT_EQ(CanonicalHead(kGenesisHead, h),
            "18:receipts-ledger-v1,64:" + std::string(kGenesisHead) +
                ",1:2,9:contracts,5:x.csv,20:2025-02-19T10:50:00Z,20:2025-11-23T00:00:00Z,64:" +
                std::string(64, 'a') + ",1:1,5:x.csv,64:" + std::string(64, 'a') +
                ",1:1,4:1.23,64:" + std::string(64, 'b') + ",");
  EXPECT_EQ(HeadHash(kGenesisHead, h), Sha256Hex(CanonicalHead(kGenesisHead, h)));
  EXPECT_NE(HeadHash(kGenesisHead, h), HeadHash(std::string(64, '1'), h));
}

}  // namespace
}  // namespace receipts
