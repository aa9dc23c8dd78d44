#include "claims/claims_reader.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../test_files.h"
#include "core/money.h"

namespace receipts {
namespace {

std::string Fixture(std::string_view name) {
  return std::string(RECEIPTS_SOURCE_DIR) + "/tests/fixtures/claims/" + std::string(name);
}

std::vector<Claim> Load(std::string_view name, std::optional<ClaimKind> kind = std::nullopt) {
  Result<std::vector<Claim>> claims = ReadClaimsFile(Fixture(name), kind);
  EXPECT_TRUE(claims.ok()) << claims.status().ToString();
  return claims.ok() ? std::move(claims).value() : std::vector<Claim>();
}

std::vector<Claim> Parse(std::string_view name, std::string bytes,
                         std::optional<ClaimKind> kind = std::nullopt) {
  Result<std::vector<Claim>> claims = ParseClaims(std::string(name), std::move(bytes), kind);
  EXPECT_TRUE(claims.ok()) << claims.status().ToString();
  return claims.ok() ? std::move(claims).value() : std::vector<Claim>();
}

// The error of parsing `bytes`, which must fail.
std::string ErrorOf(std::string_view name, std::string bytes,
                    std::optional<ClaimKind> kind = std::nullopt) {
  Result<std::vector<Claim>> claims = ParseClaims(std::string(name), std::move(bytes), kind);
  EXPECT_FALSE(claims.ok()) << name << " parsed into " << (claims.ok() ? claims->size() : 0)
                            << " claims";
  return claims.ok() ? std::string() : claims.status().message();
}

std::string RawField(const Claim& claim, std::string_view name) {
  for (const auto& [field, text] : claim.raw) {
    if (field == name) return text;
  }
  return "<absent>";
}

Date Ymd(int year, int month, int day) { return *Date::FromYmd(year, month, day); }

// ---------------------------------------------------------------------------------------------
// Contracts, one fixture per schema era (rows copied verbatim from /work/shared/data/claims).

TEST(ClaimsReaderTest, Fpds20250218CsvValueIsTheSavingsAndCeilingTheValue) {
  std::vector<Claim> claims = Load("2025-02-18_contracts_fpds.csv");
  ASSERT_EQ(claims.size(), 7u);
  const Claim& first = claims[0];
  EXPECT_EQ(first.kind, ClaimKind::kContract);
  EXPECT_EQ(first.source_file, Fixture("2025-02-18_contracts_fpds.csv"));
  EXPECT_EQ(first.source_line, 2u);
  EXPECT_EQ(first.piid, "9523ZY19F0048");
  EXPECT_EQ(first.agency_id, "9507");
  EXPECT_EQ(first.mod_number, "P00001");
  EXPECT_EQ(first.idv_piid, "GS02F026DA");
  EXPECT_EQ(first.contract_type, "AWARD");
  EXPECT_EQ(first.agency, "Commodity Futures Trading Commission");
  EXPECT_EQ(first.vendor, "WEST PUBLISHING CORPORATION");
  EXPECT_EQ(first.status, "CLOSE OUT");
  EXPECT_EQ(first.date, Ymd(2025, 2, 5));
  EXPECT_EQ(first.claimed_savings, Cents{0});  // "0.0": a real $0, not unknown
  EXPECT_EQ(first.claimed_value, Cents{2'138'200});
  ASSERT_EQ(first.raw.size(), 40u);  // every column, scraper columns included
  EXPECT_EQ(first.raw[0], (std::pair<std::string, std::string>("date", "2/5/2025")));
  EXPECT_EQ(RawField(first, "ceiling_value"), "21382.0");
  EXPECT_EQ(RawField(first, "amount_obligated"), "0.0");

  EXPECT_EQ(claims[1].vendor, "POLITICO, LLC");  // quoted comma
  EXPECT_EQ(claims[1].claimed_savings, Cents{6'037'300});

  // Blank value and ceiling: unknown, not zero.
  EXPECT_EQ(claims[2].piid, "9531CB25F0039");
  EXPECT_EQ(claims[2].agency_id, "955F");
  EXPECT_FALSE(claims[2].claimed_savings.has_value());
  EXPECT_FALSE(claims[2].claimed_value.has_value());

  // "12639525Q0046 (Notice of Intent ID)" with fpds_link "Solicitation".
  EXPECT_EQ(claims[3].piid, "12639525Q0046");
  EXPECT_EQ(claims[3].agency_id, "");
  EXPECT_EQ(claims[3].link, "Solicitation");

  // The ICE line: $8,000,000,000 on 2025-02-18 (corrected to $8,000,000 the next day).
  EXPECT_EQ(claims[4].piid, "70CMSD22A00000008");
  EXPECT_EQ(claims[4].agency_id, "7012");
  EXPECT_EQ(claims[4].contract_type, "IDV");
  EXPECT_EQ(claims[4].claimed_savings, Cents{800'000'000'000});

  // A note where the date belongs and no update_date: the date is unknown, the text kept.
  EXPECT_EQ(claims[5].piid, "47HAA024F0022");
  EXPECT_FALSE(claims[5].date.has_value());
  EXPECT_EQ(RawField(claims[5], "date"), "Contract expiring and no option to be exercised");
  EXPECT_EQ(claims[5].claimed_savings, Cents{197'000});

  // A quoted date cell spanning three lines: the record starts on line 8; update_date is used.
  EXPECT_EQ(claims[6].source_line, 8u);
  EXPECT_EQ(claims[6].piid, "72052224P00045");
  EXPECT_EQ(claims[6].date, Ymd(2025, 2, 12));
  EXPECT_EQ(claims[6].earliest_date, Ymd(2025, 2, 12));
  EXPECT_FALSE(claims[5].earliest_date.has_value());
  EXPECT_EQ(RawField(claims[6], "date"),
            "Contract Closed \n01/15/2025\nNo need to send termination notice ");
}

TEST(ClaimsReaderTest, WallTable20250305TakesPiidFromLinkAndValueAsText) {
  std::vector<Claim> claims = Load("2025-03-05_wall_table.csv");
  ASSERT_EQ(claims.size(), 4u);
  const Claim& blm = claims[0];
  EXPECT_EQ(blm.kind, ClaimKind::kContract);
  EXPECT_EQ(blm.agency, "BUREAU OF LAND MANAGEMENT");
  EXPECT_EQ(blm.description, "EEO DEIA SUPPORT");
  EXPECT_EQ(blm.piid, "93310023P0021");
  EXPECT_EQ(blm.agency_id, "9300");
  EXPECT_EQ(blm.mod_number, "A00002");
  EXPECT_EQ(blm.claimed_savings, Cents{44'000'000});  // "$440,000 "
  EXPECT_FALSE(blm.claimed_value.has_value());
  EXPECT_EQ(blm.date, Ymd(2025, 2, 13));  // "2/13/25"
  EXPECT_EQ(RawField(blm, "VALUE"), "$440,000 ");

  EXPECT_EQ(claims[1].idv_piid, "GS00F170CA");
  EXPECT_EQ(claims[1].claimed_savings, Cents{39'443'700});
  // OPM's $318,310,328 line has no link: no PIID.
  EXPECT_EQ(claims[2].piid, "");
  EXPECT_EQ(claims[2].claimed_savings, Cents{31'831'032'800});
  // USAID line with a blank UPLOADED ON.
  EXPECT_EQ(claims[3].piid, "7200AA20M00008");
  EXPECT_FALSE(claims[3].date.has_value());
  EXPECT_EQ(claims[3].claimed_savings, Cents{3'680'091'300});
}

TEST(ClaimsReaderTest, Fpds20250311CsvUsesLinkAndUploadedOn) {
  std::vector<Claim> claims = Load("2025-03-11_contracts_fpds.csv");
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].piid, "93310023P0021");
  EXPECT_EQ(claims[0].claimed_savings, Cents{44'000'000});  // "440000.0"
  EXPECT_EQ(claims[0].date, Ymd(2025, 2, 13));
  EXPECT_EQ(claims[1].piid, "95332A22F00023");
  EXPECT_EQ(claims[1].mod_number, "P00007");
  EXPECT_EQ(claims[1].claimed_savings, Cents{320'427'800});
  EXPECT_EQ(claims[2].agency, "DEPARTMENT OF AGRICULTURE");  // blank link
  EXPECT_EQ(claims[2].piid, "");
  EXPECT_EQ(claims[2].claimed_savings, Cents{21'780'000});
  EXPECT_EQ(claims[3].piid, "");  // a description pasted where the link belongs
  EXPECT_EQ(claims[3].claimed_savings, Cents{45'735'200});
}

TEST(ClaimsReaderTest, Grab20250313HasCeilingValueAndSavingsSideBySide) {
  std::vector<Claim> claims = Load("2025-03-13_contracts_grab.csv");
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].piid, "93310023P0021");
  EXPECT_EQ(claims[0].mod_number, "A00003");
  EXPECT_EQ(claims[0].claimed_savings, Cents{14'500'000});  // savings
  EXPECT_EQ(claims[0].claimed_value, Cents{44'000'000});    // ceiling_value
  EXPECT_EQ(claims[0].date, Ymd(2025, 1, 21));
  EXPECT_EQ(claims[0].earliest_date, Ymd(2025, 1, 21));  // update_date is 2025-02-13
  EXPECT_EQ(claims[1].date, Ymd(2025, 2, 25));
  EXPECT_EQ(claims[1].earliest_date, Ymd(2025, 2, 25));  // update_date is 2025-02-26
  EXPECT_EQ(claims[0].status, "TERMINATED");
  EXPECT_EQ(RawField(claims[0], "...7"), "");
  EXPECT_EQ(claims[1].claimed_savings, Cents{0});
  EXPECT_EQ(claims[1].claimed_value, Cents{320'427'844});
  // Link "Solicitation": identity from the PIID/modNumber/idvPIID columns, not award_id_piid.
  EXPECT_EQ(RawField(claims[2], "award_id_piid"), "12639525Q0046 (Notice of Intent ID)");
  EXPECT_EQ(claims[2].piid, "12441923F0188");
  EXPECT_EQ(claims[2].mod_number, "P00002");
  EXPECT_EQ(claims[2].idv_piid, "1256A119A0001");
  EXPECT_EQ(claims[2].contract_type, "AWARD");
  EXPECT_EQ(claims[2].vendor, "N/A");
  // A description over several lines.
  EXPECT_EQ(claims[3].source_line, 5u);
  EXPECT_EQ(claims[3].piid, "HQ003422A0020");
  EXPECT_EQ(claims[3].contract_type, "IDV");
  EXPECT_NE(claims[3].description.find('\n'), std::string::npos);
}

TEST(ClaimsReaderTest, Fpds20250330CsvIsTheApiSchema) {
  std::vector<Claim> claims = Load("2025-03-30_contracts_fpds.csv");
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].piid, "140D0424F0913");
  EXPECT_EQ(claims[0].claimed_savings, Cents{0});
  EXPECT_EQ(claims[0].claimed_value, Cents{24'618'500});
  EXPECT_EQ(claims[0].date, Ymd(2025, 3, 24));  // deleted_date
  EXPECT_EQ(claims[0].earliest_date, Ymd(2025, 3, 24));
  EXPECT_EQ(claims[1].claimed_savings, Cents{224'962'600});
  EXPECT_EQ(claims[1].claimed_value, Cents{449'806'800});
  // "Unavailable for legal reason", fpds_link "https://fpds.gov/".
  EXPECT_EQ(RawField(claims[2], "piid"), "Unavailable for legal reason");
  EXPECT_EQ(claims[2].piid, "");
  EXPECT_EQ(claims[2].agency_id, "");
  EXPECT_EQ(claims[2].agency, "USAID");
  EXPECT_EQ(claims[2].claimed_value, Cents{20'010'000});
  EXPECT_EQ(claims[3].claimed_value, Cents{0});
}

TEST(ClaimsReaderTest, ContractsApiJsonList) {
  std::vector<Claim> claims = Load("2025-04-12_contracts_api.json");
  ASSERT_EQ(claims.size(), 4u);
  const Claim& first = claims[0];
  EXPECT_EQ(first.kind, ClaimKind::kContract);
  EXPECT_EQ(first.source_line, 1u);  // item number
  EXPECT_EQ(first.piid, "24322623F0084");
  EXPECT_EQ(first.agency_id, "2400");
  EXPECT_EQ(first.mod_number, "P00001");
  EXPECT_EQ(first.idv_piid, "GS03F0182V");
  EXPECT_EQ(first.vendor, "JTF BUSINESS SYSTEMS CORPORATION");
  EXPECT_EQ(first.status, "SUPPLEMENTAL AGREEMENT FOR WORK WITHIN SCOPE");
  EXPECT_EQ(first.date, Ymd(2025, 3, 28));  // deleted_date, the API's only date
  EXPECT_EQ(first.earliest_date, Ymd(2025, 3, 28));
  EXPECT_EQ(first.claimed_savings, Cents{26'832'000});
  EXPECT_EQ(first.claimed_value, Cents{41'040'000});
  ASSERT_EQ(first.raw.size(), 9u);
  EXPECT_EQ(first.raw[0], (std::pair<std::string, std::string>("piid", "24322623F0084")));
  EXPECT_EQ(RawField(first, "savings"), "268320");
  EXPECT_EQ(claims[3].source_line, 4u);
  EXPECT_EQ(claims[3].piid, "");  // "Unavailable"
  EXPECT_EQ(claims[3].claimed_savings, Cents{14'178'900});
}

TEST(ClaimsReaderTest, ApiPageEnvelopeGivesKindAndExactCentsFromDoubles) {
  std::vector<Claim> claims = Load("2025-05-04_contracts_api_page.json");
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].claimed_savings, Cents{0});
  EXPECT_EQ(claims[0].claimed_value, Cents{7'000'000});
  // GAO's 80803549.11 is a JSON double: exactly 8,080,354,911 cents.
  EXPECT_EQ(claims[1].piid, "05GA0A25F0003");
  EXPECT_EQ(claims[1].agency_id, "0559");
  EXPECT_EQ(claims[1].idv_piid, "HHSN316201200012W");
  EXPECT_EQ(claims[1].claimed_savings, Cents{8'080'354'911});
  EXPECT_EQ(claims[1].claimed_value, Cents{8'080'354'911});
  EXPECT_EQ(RawField(claims[1], "savings"), "80803549.11");
  EXPECT_EQ(claims[2].agency_id, "12D0");
  EXPECT_EQ(claims[2].claimed_savings, Cents{18'186'000});
  EXPECT_EQ(claims[3].piid, "");
  EXPECT_EQ(claims[3].date, Ymd(2025, 5, 2));
}

TEST(ClaimsReaderTest, ContractsApiCsv) {
  std::vector<Claim> claims = Load("2025-05-19_contracts_api.csv");
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].piid, "68HERC22F0101");
  EXPECT_EQ(claims[0].agency_id, "6800");
  EXPECT_EQ(claims[0].mod_number, "P00019");
  EXPECT_EQ(claims[0].claimed_savings, Cents{140'680'957});
  EXPECT_EQ(claims[0].claimed_value, Cents{423'299'976});
  EXPECT_EQ(claims[0].date, Ymd(2025, 5, 9));
  EXPECT_EQ(claims[1].claimed_savings, Cents{1'025'480});  // "10254.8"
  EXPECT_EQ(claims[3].piid, "");
  EXPECT_EQ(claims[3].link, "https://fpds.gov");
}

// ---------------------------------------------------------------------------------------------
// Grants.

TEST(ClaimsReaderTest, GrantsGrab20250313IsDetectedAsGrants) {
  std::vector<Claim> claims = Load("2025-03-13_grants_grab.csv");
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kGrant);
  EXPECT_EQ(claims[0].agency, "Department Of Education");
  EXPECT_EQ(claims[0].date, Ymd(2025, 2, 7));  // update_date
  EXPECT_EQ(claims[0].claimed_savings, Cents{846'303'800});
  EXPECT_EQ(claims[0].claimed_value, Cents{947'568'500});
  EXPECT_FALSE(claims[2].date.has_value());  // "205-02-12"
  EXPECT_EQ(claims[2].claimed_savings, Cents{212'714'200});
}

TEST(ClaimsReaderTest, Grants20250325ReadsValueThenSaved) {
  std::vector<Claim> claims = Load("2025-03-25_grants.csv");
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kGrant);
  EXPECT_EQ(claims[0].claimed_savings, Cents{947'568'500});  // value "9475685.0"
  EXPECT_FALSE(claims[1].claimed_savings.has_value());
  EXPECT_EQ(claims[2].vendor, "GAVI FOUNDATION");
  EXPECT_EQ(claims[2].claimed_savings, Cents{175'000'000'000});  // saved "$1,750,000,000"
  EXPECT_EQ(claims[2].date, Ymd(2025, 3, 1));
}

TEST(ClaimsReaderTest, GrantsUsaspendingCsvUsesFainAndUriColumns) {
  std::vector<Claim> claims = Load("2025-03-30_grants_usaspending.csv");
  ASSERT_EQ(claims.size(), 4u);
  const Claim& purdue = claims[0];
  EXPECT_EQ(purdue.kind, ClaimKind::kGrant);
  EXPECT_EQ(purdue.award_id, "ASST_NON_HQ00342110014_97F5");
  EXPECT_EQ(purdue.fain, "HQ00342110014");
  EXPECT_EQ(purdue.uri, "");
  EXPECT_EQ(purdue.vendor, "PURDUE UNIVERSITY");
  EXPECT_EQ(purdue.claimed_savings, Cents{24'801'000});
  EXPECT_EQ(purdue.claimed_value, Cents{278'858'300});
  EXPECT_EQ(purdue.date, Ymd(2025, 3, 23));
  EXPECT_EQ(purdue.raw.size(), 99u);
  EXPECT_EQ(claims[1].fain, "HQ00342410077");
  EXPECT_EQ(claims[1].uri, "NDEPSTEMAMD5CIVILSOCIETY");
  EXPECT_EQ(claims[2].award_id, "");  // no link
  // An aggregate award: the middle part is a URI.
  EXPECT_EQ(claims[3].award_id, "ASST_AGG_12D20113746681        1     12X4336_12D2");
  EXPECT_EQ(claims[3].fain, "");
  EXPECT_EQ(claims[3].uri, "12D20113746681        1     12X4336");
  EXPECT_EQ(claims[3].claimed_savings, Cents{800'000'000});
}

TEST(ClaimsReaderTest, GrantsApiCsvTakesFainFromLink) {
  std::vector<Claim> claims = Load("2025-04-10_grants_api.csv");
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kGrant);
  EXPECT_EQ(claims[0].award_id, "ASST_NON_23K75IL000001_1605");
  EXPECT_EQ(claims[0].fain, "23K75IL000001");
  EXPECT_EQ(claims[0].vendor, "International Labor Organization (ILO)");
  EXPECT_EQ(claims[0].claimed_savings, Cents{149'100'000});
  EXPECT_EQ(claims[0].claimed_value, Cents{200'000'000});
  EXPECT_EQ(claims[0].date, Ymd(2025, 3, 26));
  EXPECT_EQ(claims[1].award_id, "");
  EXPECT_EQ(claims[1].description, "Currently unavailable");
  EXPECT_EQ(claims[2].claimed_savings, Cents{0});
  EXPECT_EQ(claims[3].fain, "72066418CA00001");
  EXPECT_FALSE(claims[3].date.has_value());  // "2/12/0205"
}

// ---------------------------------------------------------------------------------------------
// Leases.

TEST(ClaimsReaderTest, LeasesGrabReadsQuotedSquareFeet) {
  std::vector<Claim> claims = Load("2025-03-13_leases_grab.csv");
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kLease);
  EXPECT_EQ(claims[0].square_feet, 3076);  // "3076"
  EXPECT_EQ(claims[0].location, "Miami, FL");
  EXPECT_EQ(claims[0].agency, "DEPARTMENT OF STATE");
  EXPECT_EQ(claims[0].claimed_savings, Cents{738'300});
  EXPECT_EQ(claims[0].claimed_value, Cents{11'227'800});
  EXPECT_EQ(claims[0].date, Ymd(2025, 1, 22));
  EXPECT_EQ(claims[1].description, "Lease end date 6/30/25.");
  EXPECT_EQ(RawField(claims[1], "description"), "Lease end date 6/30/25. ");
  EXPECT_FALSE(claims[2].claimed_savings.has_value());
  EXPECT_EQ(claims[2].square_feet, 17000);
}

TEST(ClaimsReaderTest, LeasesApiJsonAndCsv) {
  std::vector<Claim> json = Load("2025-04-12_leases_api.json");
  ASSERT_EQ(json.size(), 3u);
  EXPECT_EQ(json[0].kind, ClaimKind::kLease);
  EXPECT_EQ(json[0].location, "IDAHO FALLS, ID");
  EXPECT_EQ(json[0].square_feet, 1920);
  EXPECT_EQ(json[0].agency, "AGRICULTURAL MARKETING SERVICE");
  EXPECT_EQ(json[0].claimed_savings, Cents{22'527'200});
  EXPECT_EQ(json[0].claimed_value, Cents{3'485'600});
  EXPECT_EQ(json[0].date, Ymd(2025, 3, 13));

  std::vector<Claim> csv = Load("2025-05-27_leases_api.csv");
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_EQ(csv[0].kind, ClaimKind::kLease);
  EXPECT_EQ(csv[0].location, "KNOXVILLE, TN");
  EXPECT_EQ(csv[0].square_feet, 1562);
  EXPECT_EQ(csv[0].claimed_savings, Cents{1'037'000});
  EXPECT_EQ(csv[0].description, "");
  EXPECT_EQ(csv[2].claimed_savings, Cents{0});
}

// ---------------------------------------------------------------------------------------------
// Compressed inputs, forced kinds, detection.

TEST(ClaimsReaderTest, GzipReadsLikeThePlainFile) {
  std::vector<Claim> plain = Load("2025-03-05_wall_table.csv");
  std::vector<Claim> gz = Load("2025-03-05_wall_table.csv.gz");
  ASSERT_EQ(gz.size(), plain.size());
  for (std::size_t i = 0; i < gz.size(); ++i) {
    EXPECT_EQ(gz[i].piid, plain[i].piid);
    EXPECT_EQ(gz[i].claimed_savings, plain[i].claimed_savings);
    EXPECT_EQ(gz[i].source_line, plain[i].source_line);
    EXPECT_EQ(gz[i].raw, plain[i].raw);
  }
  EXPECT_EQ(gz[0].source_file, Fixture("2025-03-05_wall_table.csv.gz"));
}

TEST(ClaimsReaderTest, ZipReadsEveryMemberInOrder) {
  std::vector<Claim> claims = Load("api_csvs.zip");
  ASSERT_EQ(claims.size(), 7u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kLease);
  EXPECT_EQ(claims[0].source_file, Fixture("api_csvs.zip") + ":2025-05-27_leases_api.csv");
  EXPECT_EQ(claims[2].location, "STOCKTON, CA");
  EXPECT_EQ(claims[3].kind, ClaimKind::kGrant);
  EXPECT_EQ(claims[3].source_file, Fixture("api_csvs.zip") + ":2025-04-10_grants_api.csv");
  EXPECT_EQ(claims[3].source_line, 2u);
  EXPECT_EQ(claims[3].fain, "23K75IL000001");
}

// Bytes the caller holds (to store them) are the ones read: a compressed list is inflated from
// them, never from its path again (here a path with no file behind it).
TEST(ClaimsReaderTest, HeldCompressedBytesAreReadNotTheFileAgain) {
  for (std::string_view name : {"2025-03-05_wall_table.csv.gz", "api_csvs.zip"}) {
    std::vector<Claim> from_file = Load(name);
    std::string bytes = testing::Slurp(Fixture(name));
    ASSERT_FALSE(bytes.empty()) << name;
    const std::string gone = "/nonexistent/" + std::string(name);
    std::vector<Claim> held;
    Status s = StreamClaimsRead(gone, bytes, std::nullopt, [&held](Claim&& claim) {
      held.push_back(std::move(claim));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(held.size(), from_file.size()) << name;
    for (std::size_t i = 0; i < held.size(); ++i) {
      EXPECT_EQ(held[i].raw, from_file[i].raw);
      EXPECT_EQ(held[i].source_line, from_file[i].source_line);
      EXPECT_EQ(held[i].source_file.rfind(gone, 0), 0u) << held[i].source_file;
    }
    std::string cut = bytes.substr(0, bytes.size() / 2);
    Status truncated =
        StreamClaimsRead(gone, cut, std::nullopt, [](Claim&&) { return Status::Ok(); });
    EXPECT_FALSE(truncated.ok()) << name;
    EXPECT_NE(truncated.message().find(gone), std::string::npos) << truncated.ToString();
  }
}

TEST(ClaimsReaderTest, GivenKindOverridesDetection) {
  std::vector<Claim> claims = Load("2025-05-27_leases_api.csv", ClaimKind::kGrant);
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kGrant);
  EXPECT_EQ(claims[0].claimed_savings, Cents{1'037'000});
}

TEST(ClaimsReaderTest, DetectsGrantsByUsaspendingLinkAndContractsByFpdsLink) {
  std::vector<Claim> grants = Parse("g.csv",
                                    "date,agency,value,savings,link\n"
                                    "3/26/2025,DOL,10,5,\n"
                                    "3/26/2025,DOL,10,5,https://usaspending.gov/award/"
                                    "ASST_NON_IL357422075K_1605\n");
  ASSERT_EQ(grants.size(), 2u);
  EXPECT_EQ(grants[1].kind, ClaimKind::kGrant);
  EXPECT_EQ(grants[1].fain, "IL357422075K");

  std::vector<Claim> contracts = Parse("c.csv",
                                       "date,agency,value,savings,link\n"
                                       "3/26/2025,GSA,10,5,https://www.fpds.gov/ezsearch/jsp/"
                                       "viewLinkController.jsp?agencyID=4732&PIID=47QDCB21F0019&"
                                       "modNumber=P00005&contractType=AWARD\n");
  ASSERT_EQ(contracts.size(), 1u);
  EXPECT_EQ(contracts[0].kind, ClaimKind::kContract);
  EXPECT_EQ(contracts[0].piid, "47QDCB21F0019");
  EXPECT_EQ(contracts[0].agency_id, "4732");
}

TEST(ClaimsReaderTest, JsonNumbersStringsAndNulls) {
  std::vector<Claim> claims = Parse("items.json",
                                    "\xEF\xBB\xBF  [{\"piid\": \"47QDCB21F0019\", \"value\": "
                                    "1250243.2, \"savings\": 969654.4, \"deleted_date\": null},\n"
                                    " {\"piid\": \"X1\", \"value\": \"$1,234.50\", \"savings\": "
                                    "null, \"description\": null, \"extra\": [1, {\"a\": true}]},\n"
                                    " {\"piid\": \"X2\", \"value\": 1e7, \"savings\": 0.1}]");
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kContract);
  EXPECT_EQ(claims[0].claimed_value, Cents{125'024'320});
  EXPECT_EQ(claims[0].claimed_savings, Cents{96'965'440});
  EXPECT_FALSE(claims[0].date.has_value());
  EXPECT_EQ(RawField(claims[0], "deleted_date"), "");
  EXPECT_EQ(claims[1].claimed_value, Cents{123'450});
  EXPECT_FALSE(claims[1].claimed_savings.has_value());  // null: unknown
  EXPECT_EQ(RawField(claims[1], "extra"), "[1,{\"a\":true}]");
  EXPECT_EQ(claims[2].claimed_value, Cents{1'000'000'000});
  EXPECT_EQ(claims[2].claimed_savings, Cents{10});
}

TEST(ClaimsReaderTest, EmptyJsonListAndHeaderOnlyCsvHoldNoClaims) {
  EXPECT_TRUE(Parse("empty.json", "[]").empty());
  EXPECT_TRUE(
      Parse("page.json", R"({"success": true, "result": {"leases": []}, "meta": {}})").empty());
  EXPECT_TRUE(Parse("header.csv", "piid,value,savings\n").empty());
}

// ---------------------------------------------------------------------------------------------
// The whole 2025-02-18 list: DOGE's published figures.

TEST(ClaimsReaderRealFileTest, Fpds20250218WholeFileMatchesPublishedFigures) {
  std::vector<Claim> claims = Load("2025-02-18T18-25_contracts_fpds.csv.gz");
  ASSERT_EQ(claims.size(), 1127u);
  Cents sum = 0;
  std::size_t zero = 0;
  std::size_t blank = 0;
  const Claim* ice = nullptr;
  for (const Claim& claim : claims) {
    EXPECT_EQ(claim.kind, ClaimKind::kContract);
    if (!claim.claimed_savings) {
      ++blank;
      continue;
    }
    sum += *claim.claimed_savings;
    if (*claim.claimed_savings == 0) ++zero;
    if (claim.piid == "70CMSD22A00000008") ice = &claim;
  }
  EXPECT_EQ(sum, 1'648'956'830'500);  // $16,489,568,305.00
  EXPECT_EQ(FormatUsd(sum), "$16,489,568,305.00");
  EXPECT_EQ(zero, 417u);
  EXPECT_EQ(blank, 17u);
  ASSERT_NE(ice, nullptr);
  EXPECT_EQ(ice->claimed_savings, Cents{800'000'000'000});
  EXPECT_EQ(ice->agency, "Department of Homeland Security");
}

// Every list in the shared data set reads without error (skipped where it is not mounted).
TEST(ClaimsReaderRealFileTest, EverySharedClaimsListReads) {
  const std::filesystem::path root = "/work/shared/data/claims";
  if (!std::filesystem::is_directory(root)) GTEST_SKIP() << root << " not present";
  std::size_t files = 0;
  for (const char* dir : {"contracts", "grants", "leases"}) {
    for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
      Result<std::vector<Claim>> claims = ReadClaimsFile(entry.path().string(), std::nullopt);
      ASSERT_TRUE(claims.ok()) << claims.status().ToString();
      EXPECT_FALSE(claims->empty()) << entry.path();
      ClaimKind expected = std::string_view(dir) == "contracts" ? ClaimKind::kContract
                           : std::string_view(dir) == "grants"  ? ClaimKind::kGrant
                                                                : ClaimKind::kLease;
      EXPECT_EQ(claims->front().kind, expected) << entry.path();
      ++files;
    }
  }
  EXPECT_GT(files, 0u);
}

// ---------------------------------------------------------------------------------------------
// Malformed input: an error naming file, line and field; never a partial list.

TEST(ClaimsReaderErrorTest, TruncatedFileWithUnterminatedQuote) {
  std::string message = ErrorOf("cut.csv",
                                "piid,agency,value\n"
                                "A1,GSA,10\n"
                                "A2,\"General Serv");
  EXPECT_NE(message.find("cut.csv:3"), std::string::npos) << message;
  EXPECT_NE(message.find("unterminated"), std::string::npos) << message;
}

TEST(ClaimsReaderErrorTest, WrongFieldCount) {
  std::string message = ErrorOf("short.csv", "piid,agency,value\nA1,GSA\n");
  EXPECT_NE(message.find("short.csv:2"), std::string::npos) << message;
}

TEST(ClaimsReaderErrorTest, NoSavingsColumn) {
  EXPECT_EQ(ErrorOf("cols.csv", "piid,agency,vendor\nA1,GSA,ACME\n"),
            "cols.csv:1: no savings column (expected 'savings' or 'value')");
}

TEST(ClaimsReaderErrorTest, NonNumericMoneyNamesFileLineAndField) {
  std::string message = ErrorOf("bad.csv",
                                "piid,agency,value\n"
                                "A1,GSA,\"$1,000\"\n"
                                "A2,GSA,about ten dollars\n");
  EXPECT_NE(message.find("bad.csv"), std::string::npos) << message;
  EXPECT_NE(message.find(":3:"), std::string::npos) << message;
  EXPECT_NE(message.find("field 'value'"), std::string::npos) << message;
  EXPECT_EQ(message.find("bad.csv:3: field 'value': "), 0u) << message;

  std::string ceiling = ErrorOf("bad.csv", "piid,ceiling_value,value\nA1,n/a,5\n");
  EXPECT_EQ(ceiling.find("bad.csv:2: field 'ceiling_value': "), 0u) << ceiling;
}

TEST(ClaimsReaderErrorTest, BadSquareFeet) {
  std::string message = ErrorOf("l.csv", "sq_ft,location,value,savings\n12 sq ft,\"A, B\",1,1\n");
  EXPECT_EQ(message.find("l.csv:2: field 'sq_ft': "), 0u) << message;
}

TEST(ClaimsReaderErrorTest, InvalidUtf8) {
  std::string message = ErrorOf("latin1.csv",
                                "piid,agency,value\nA1,Bur\xE9"
                                "au,10\n");
  EXPECT_NE(message.find("latin1.csv:2"), std::string::npos) << message;
  EXPECT_NE(message.find("UTF-8"), std::string::npos) << message;

  std::string json = ErrorOf("latin1.json", "[{\"piid\": \"Bur\xE9\", \"savings\": 1}]");
  EXPECT_NE(json.find("latin1.json"), std::string::npos) << json;
}

TEST(ClaimsReaderErrorTest, EmptyFile) {
  EXPECT_NE(ErrorOf("empty.csv", "").find("empty.csv"), std::string::npos);
  EXPECT_NE(ErrorOf("blank.csv", " \n\n").find("blank.csv"), std::string::npos);
}

TEST(ClaimsReaderErrorTest, InvalidJsonNamesTheFile) {
  std::string message = ErrorOf("broken.json", "[{\"piid\": \"A1\", \"savings\": 12");
  EXPECT_EQ(message.find("broken.json: invalid JSON"), 0u) << message;
  EXPECT_NE(ErrorOf("scalar.json", "{\"success\": true}").find("scalar.json"), std::string::npos);
}

TEST(ClaimsReaderErrorTest, JsonShapeErrors) {
  EXPECT_EQ(ErrorOf("i.json", "[{\"savings\": 1}, 7]"), "i.json:2: expected an object (one claim)");
  EXPECT_EQ(ErrorOf("s.json", "[{\"savings\": 1}, {\"savings\": \"lots\"}]")
                .find("s.json:2: field 'savings': "),
            0u);
  EXPECT_EQ(ErrorOf("b.json", "[{\"savings\": true}]").find("b.json:1: field 'savings': "), 0u);
  EXPECT_EQ(ErrorOf("n.json", "[{\"piid\": \"A1\"}]"),
            "n.json:1: no savings field (expected 'savings' or 'value')");
  EXPECT_NE(ErrorOf("f.json", R"({"success": false, "result": {"contracts": []}})").find("success"),
            std::string::npos);
  EXPECT_NE(ErrorOf("k.json", R"({"success": true, "result": {"payments": []}})").find("k.json"),
            std::string::npos);
  EXPECT_NE(ErrorOf("l.json", R"({"success": true, "result": {"grants": {}}})").find("not a list"),
            std::string::npos);
}

TEST(ClaimsReaderErrorTest, CorruptGzip) {
  std::string gz = "\x1F\x8B\x08\x00\x00\x00\x00\x00\x02\x03garbage";
  EXPECT_NE(ErrorOf("x.csv.gz", gz).find("x.csv.gz"), std::string::npos);
}

TEST(ClaimsReaderErrorTest, MissingFile) {
  Result<std::vector<Claim>> claims = ReadClaimsFile(Fixture("no-such-file.csv"), std::nullopt);
  ASSERT_FALSE(claims.ok());
  EXPECT_NE(claims.status().message().find("no-such-file.csv"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Strict where the figures are, lenient (and counted) where real lists are sloppy.

TEST(ClaimsReaderTest, RepeatedSavingsColumnIsRefusedNotFirstWins) {
  std::string message =
      ErrorOf("x.csv", "piid,agency,savings,value,link,date,savings\nP1,A,1.00,2.00,,,900.00\n");
  EXPECT_EQ(message, "x.csv:1: columns 3 and 7 are both named 'savings'");
}

TEST(ClaimsReaderTest, RepeatedJsonKeyIsRefusedNotFirstWins) {
  std::string message = ErrorOf(
      "x.json", R"([{"piid": "P1", "savings": 1.0}, {"piid": "P2", "savings": 1, "savings": 9}])");
  EXPECT_EQ(message, "x.json:2: fields 2 and 3 are both named 'savings'");
}

TEST(ClaimsReaderTest, RealListRepeatingDescriptionReadsDogesOwn) {
  std::vector<Claim> claims = Load("2025-03-30_grants_usaspending.csv");
  ASSERT_FALSE(claims.empty());
  EXPECT_EQ(RawField(claims[0], "description"), claims[0].description);
}

TEST(ClaimsReaderTest, MisplacedSeparatorOrThirdDecimalNamesFileLineAndField) {
  EXPECT_EQ(ErrorOf("x.csv", "piid,savings\nP1,1.00\nP2,\"1,2,3\"\n"),
            "x.csv:3: field 'savings': '1,2,3' is not money: misplaced thousands separator");
  EXPECT_EQ(ErrorOf("x.csv", "piid,savings,value\nP1,1.00,1.005\n"),
            "x.csv:2: field 'value': '1.005' is not money: more than two decimals");
  std::string json = ErrorOf("x.json", R"([{"piid": "P1", "savings": "12,34.00"}])");
  EXPECT_NE(json.find("x.json:1: field 'savings': '12,34.00' is not money"), std::string::npos)
      << json;
}

TEST(ClaimsReaderTest, NulByteInAClaimsCsvNamesLineAndField) {
  using namespace std::string_literals;
  EXPECT_EQ(ErrorOf("x.csv", "piid,agency,savings\nP1,Dept\0X,1.00\n"s),
            "x.csv:2: field 'agency': holds a NUL byte (not text)");
}

TEST(ClaimsReaderTest, UnreadableDatesAreLeftUnknownAndNamed) {
  std::vector<Claim> claims = Parse("x.csv",
                                    "date,update_date,piid,savings\n"
                                    "2/12/0205,2/1/2025,P1,1.00\n"
                                    "1/2/2025,,P2,2.00\n"
                                    "Contract expiring,no date,P3,3.00\n");
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].lenient_fields, (std::vector<std::string>{"date"}));
  EXPECT_EQ(claims[0].date, Ymd(2025, 2, 1));
  EXPECT_TRUE(claims[1].lenient_fields.empty());
  EXPECT_EQ(claims[2].lenient_fields, (std::vector<std::string>{"date", "update_date"}));
  EXPECT_FALSE(claims[2].date.has_value());
}

}  // namespace
}  // namespace receipts
