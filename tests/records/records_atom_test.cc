#include "records/records_atom.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "../test_files.h"
#include "csv/csv_reader.h"
#include "records/records_batch.h"
#include "records/records_fpds.h"
#include "records/records_reader.h"

namespace receipts::records {
namespace {

using testing::Slurp;

std::string Fixture(const std::string& dir, const std::string& name) {
  return std::string(RECEIPTS_SOURCE_DIR) + "/tests/fixtures/" + dir + "/" + name;
}

std::string AtomFixture(const std::string& name) { return Slurp(Fixture("atom", name)); }

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// The record set of one feed, read as the records reader reads a file: batch, merge, finish.
RecordSet ReadFeed(const std::string& name, std::string_view bytes) {
  RecordBatch batch;
  Status s = ReadAtomFeed(name, bytes, &batch);
  EXPECT_TRUE(s.ok()) << s.ToString();
  RecordSet records;
  batch.MoveInto(&records);
  FinishRecords(&records);
  return records;
}

// Reads FPDS element CSV `bytes` with ReadFpdsRows into `records` (not finished).
void ReadCsv(const std::string& name, const std::string& bytes, RecordSet* records) {
  CsvReader csv(name, bytes);
  ASSERT_TRUE(csv.ReadHeader().ok());
  ASSERT_TRUE(IsFpdsHeader(csv));
  RecordBatch batch;
  Status s = ReadFpdsRows(&csv, &batch);
  ASSERT_TRUE(s.ok()) << s.ToString();
  batch.MoveInto(records);
}

const Award* Find(const RecordSet& records, const std::string& key) {
  for (const Award& award : records.awards) {
    if (award.key == key) return &award;
  }
  return nullptr;
}

// The error ReadAtomFeed gives for `bytes`.
std::string ErrorOf(std::string_view bytes) {
  RecordBatch batch;
  Status s = ReadAtomFeed("feed.xml", bytes, &batch);
  EXPECT_FALSE(s.ok());
  return s.message();
}

// The 1-based line on which `needle` first occurs in `text`.
std::size_t LineOf(std::string_view text, std::string_view needle) {
  std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
}

// A raw-shaped page with one award entry; tests swap its lines for broken ones.
constexpr std::string_view kOneAward = R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>FPDS-NG search results for<![CDATA[: PIID:"X"]]></title>
  <modified/><author><name/></author>
  <entry>
    <title><![CDATA[New PURCHASE ORDER 1234 awarded to A & B]]></title>
    <modified/>
    <content xmlns:ns1="https://www.fpds.gov/FPDS" type="application/xml">
      <ns1:award xmlns:ns1="https://www.fpds.gov/FPDS" version="1.5">
        <ns1:awardID>
          <ns1:awardContractID>
            <ns1:agencyID name="EXAMPLE">1234</ns1:agencyID>
            <ns1:PIID>1234P0001</ns1:PIID>
            <ns1:modNumber>0</ns1:modNumber>
            <ns1:transactionNumber>0</ns1:transactionNumber>
          </ns1:awardContractID>
        </ns1:awardID>
        <ns1:relevantContractDates>
          <ns1:signedDate>2024-05-06 00:00:00</ns1:signedDate>
        </ns1:relevantContractDates>
        <ns1:dollarValues>
          <ns1:obligatedAmount>10.00</ns1:obligatedAmount>
          <ns1:baseAndAllOptionsValue>10.00</ns1:baseAndAllOptionsValue>
        </ns1:dollarValues>
      </ns1:award>
    </content>
  </entry>
</feed>
)";

// kOneAward with the first `from` replaced by `to`.
std::string OneAwardWith(std::string_view from, std::string_view to) {
  std::string xml(kOneAward);
  std::size_t at = xml.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) xml.replace(at, from.size(), to);
  return xml;
}

// The strongest check: the FPDS slices written out as a two-page ATOM crawl
// (tests/fixtures/atom/make_slices_feed.py) give the very awards, keys and figures the FPDS CSV
// reader gives for the rows themselves.
TEST(RecordsAtomTest, SameAwardsAsFpdsCsvReader) {
  RecordSet from_csv;
  ReadCsv("awards.csv", Slurp(Fixture("records", "fpds_awards_slice.csv")), &from_csv);
  ReadCsv("idvs.csv", Slurp(Fixture("records", "fpds_idvs_slice.csv")), &from_csv);
  FinishRecords(&from_csv);
  RecordSet from_atom = ReadFeed("slices.xml", AtomFixture("fpds_slices_feed.xml"));

  ASSERT_EQ(from_csv.awards.size(), 5u);
  ASSERT_EQ(from_atom.awards.size(), from_csv.awards.size());
  EXPECT_EQ(from_atom.action_count, 18u);
  EXPECT_EQ(from_atom.action_count, from_csv.action_count);
  EXPECT_EQ(from_atom.as_of, from_csv.as_of);
  for (const Award& want : from_csv.awards) {
    SCOPED_TRACE(want.key);
    const Award* got = Find(from_atom, want.key);
    ASSERT_NE(got, nullptr);
    EXPECT_EQ(got->family, want.family);
    EXPECT_EQ(got->agency_id, want.agency_id);
    EXPECT_EQ(got->piid, want.piid);
    EXPECT_EQ(got->idv_agency_id, want.idv_agency_id);
    EXPECT_EQ(got->idv_piid, want.idv_piid);
    EXPECT_EQ(got->vendor_name, want.vendor_name);
    EXPECT_EQ(got->total_outlayed, want.total_outlayed);
    EXPECT_EQ(got->conflicting_duplicates, want.conflicting_duplicates);
    ASSERT_EQ(got->actions.size(), want.actions.size());
    for (std::size_t i = 0; i < want.actions.size(); ++i) {
      const Action& a = got->actions[i];
      const Action& b = want.actions[i];
      SCOPED_TRACE(b.mod_number);
      EXPECT_EQ(a.mod_number, b.mod_number);
      EXPECT_EQ(a.transaction_number, b.transaction_number);
      EXPECT_EQ(a.signed_date, b.signed_date);
      EXPECT_EQ(a.current_completion_date, b.current_completion_date);
      EXPECT_EQ(a.ultimate_completion_date, b.ultimate_completion_date);
      EXPECT_EQ(a.obligated, b.obligated);
      EXPECT_EQ(a.base_and_exercised, b.base_and_exercised);
      EXPECT_EQ(a.base_and_all, b.base_and_all);
      EXPECT_EQ(a.total_obligated, b.total_obligated);
      EXPECT_EQ(a.total_base_and_exercised, b.total_base_and_exercised);
      EXPECT_EQ(a.total_base_and_all, b.total_base_and_all);
      EXPECT_EQ(a.reason_code, b.reason_code);
      EXPECT_EQ(a.action_type, b.action_type);
      EXPECT_EQ(a.vendor_name, b.vendor_name);
      EXPECT_EQ(a.vendor_uei, b.vendor_uei);
      EXPECT_EQ(a.parent_uei, b.parent_uei);
      EXPECT_EQ(a.extent_competed, b.extent_competed);
      EXPECT_EQ(a.offers_received, b.offers_received);
      EXPECT_EQ(a.source_file, "slices.xml");
      EXPECT_GT(a.source_line, 0u);
    }
  }
  // Spot figures, so that both readers agreeing on something wrong would still fail.
  const Award* eeo = Find(from_atom, "CONT_AWD_93310023P0021_9300_-NONE-_-NONE-");
  ASSERT_NE(eeo, nullptr);
  ASSERT_EQ(eeo->actions.size(), 4u);
  EXPECT_EQ(eeo->actions[0].obligated, 22'000'000);  // not the treasury account's decoy
  EXPECT_EQ(eeo->actions[3].obligated, -5'748'125);
  EXPECT_EQ(eeo->actions[0].base_and_all, 44'000'000);
  EXPECT_EQ(eeo->actions[0].offers_received, 7);
  const Award* bpa = Find(from_atom, "CONT_IDV_70CMSD22A00000008_7012");
  ASSERT_NE(bpa, nullptr);
  EXPECT_EQ(bpa->family, AwardFamily::kIdv);
  EXPECT_EQ(bpa->idv_piid, "");  // its referencedIDVID is not its key
  ASSERT_EQ(bpa->actions.size(), 4u);
  EXPECT_EQ(bpa->actions[1].base_and_all, -799'200'000'000);
  EXPECT_EQ(bpa->actions[3].current_completion_date, D(2025, 1, 30));  // lastDateToOrder
}

TEST(RecordsAtomTest, ReadsRawFeedWithAwardIdvAndPagingLinks) {
  std::string xml = AtomFixture("raw_award_idv.xml");
  RecordSet records = ReadFeed("raw.xml", xml);
  ASSERT_EQ(records.awards.size(), 2u);

  // The order names its IDV: agencyID, PIID and modNumber under referencedIDVID are the parent's
  // and do not overwrite the order's own.
  const Award* order = Find(records, "CONT_AWD_0001_9700_N0017811D6668_1700");
  ASSERT_NE(order, nullptr);
  EXPECT_EQ(order->family, AwardFamily::kContract);
  EXPECT_EQ(order->agency_id, "9700");
  EXPECT_EQ(order->piid, "0001");
  EXPECT_EQ(order->idv_agency_id, "1700");
  EXPECT_EQ(order->idv_piid, "N0017811D6668");
  EXPECT_EQ(order->vendor_name, "EXAMPLE SYSTEMS INC.");
  ASSERT_EQ(order->actions.size(), 1u);
  const Action& a = order->actions[0];
  EXPECT_EQ(a.mod_number, "P00002");
  EXPECT_EQ(a.transaction_number, "0");
  EXPECT_EQ(a.signed_date, D(2020, 4, 1));
  EXPECT_EQ(a.current_completion_date, D(2020, 9, 30));
  // A typo'd year (2207) reads as the CSV reader reads it: a date, or unknown should Date not hold
  // it, but never an error refusing the page.
  EXPECT_TRUE(!a.ultimate_completion_date || *a.ultimate_completion_date == D(2207, 3, 31));
  EXPECT_EQ(a.obligated, -125'050);  // not the treasury account's 999999.99
  EXPECT_EQ(a.base_and_exercised, -125'050);
  EXPECT_EQ(a.base_and_all, -250'100);
  EXPECT_EQ(a.total_obligated, 125'050);
  EXPECT_EQ(a.total_base_and_exercised, 125'050);
  EXPECT_EQ(a.total_base_and_all, 250'100);
  EXPECT_EQ(a.reason_code, "F");  // the code from the text, not the description
  EXPECT_EQ(a.action_type, "C");
  EXPECT_EQ(a.extent_competed, "A");
  EXPECT_EQ(a.offers_received, 3);
  EXPECT_EQ(a.vendor_uei, "JD4SYNTH0001");
  EXPECT_EQ(a.parent_uei, "JD4SYNTH0000");
  EXPECT_EQ(a.source_file, "raw.xml");
  EXPECT_EQ(a.source_line, LineOf(xml, "<ns1:award "));

  // The IDV (with an empty <modified></modified>): its own key, no transaction number, and
  // lastDateToOrder for its completion date.
  const Award* idv = Find(records, "CONT_IDV_000000000LC3162_5000");
  ASSERT_NE(idv, nullptr);
  EXPECT_EQ(idv->family, AwardFamily::kIdv);
  EXPECT_EQ(idv->agency_id, "5000");
  EXPECT_EQ(idv->idv_piid, "");
  ASSERT_EQ(idv->actions.size(), 1u);
  const Action& b = idv->actions[0];
  EXPECT_EQ(b.mod_number, "0");
  EXPECT_EQ(b.transaction_number, "");
  EXPECT_EQ(b.signed_date, D(2011, 6, 28));
  EXPECT_EQ(b.current_completion_date, D(2016, 6, 27));
  EXPECT_EQ(b.obligated, 0);
  EXPECT_EQ(b.base_and_exercised, 0);
  EXPECT_EQ(b.base_and_all, 15'000'000);
  EXPECT_EQ(b.total_base_and_exercised, std::nullopt);
  EXPECT_EQ(b.action_type, "B");
  EXPECT_EQ(b.offers_received, 2);
  EXPECT_EQ(b.source_line, LineOf(xml, "<ns1:IDV "));
  EXPECT_EQ(records.as_of, D(2020, 4, 1));
}

TEST(RecordsAtomTest, ReadsReserializedNs0PrefixedFeed) {
  // ElementTree's copy: Atom under ns0:, ns1 declared once at the root, everything on one line.
  RecordSet records = ReadFeed("ns0.xml", AtomFixture("reserialized_ns0.xml"));
  ASSERT_EQ(records.awards.size(), 1u);
  const Award& award = records.awards[0];
  EXPECT_EQ(award.key, "CONT_AWD_1B3G02670_4740_-NONE-_-NONE-");
  ASSERT_EQ(award.actions.size(), 1u);
  const Action& a = award.actions[0];
  EXPECT_EQ(a.mod_number, "PA09");
  EXPECT_EQ(a.signed_date, D(2012, 10, 1));
  EXPECT_EQ(a.current_completion_date, D(2013, 9, 30));
  EXPECT_EQ(a.obligated, 839'290);
  EXPECT_EQ(a.base_and_all, 839'290);
  EXPECT_EQ(a.total_obligated, 12'790'070);
  EXPECT_EQ(a.reason_code, "M");
  EXPECT_EQ(a.vendor_uei, "LNLJPLNR7GF5");
  EXPECT_EQ(a.source_line, 2u);
}

TEST(RecordsAtomTest, ReadsOlderFpdsngNamespace) {
  RecordSet records = ReadFeed("fpdsng.xml", AtomFixture("fpdsng_namespace.xml"));
  ASSERT_EQ(records.awards.size(), 1u);
  const Award& award = records.awards[0];
  EXPECT_EQ(award.key, "CONT_AWD_GS11P09MAD0001_4740_-NONE-_-NONE-");
  ASSERT_EQ(award.actions.size(), 1u);
  EXPECT_EQ(award.actions[0].obligated, 100'000'000);
  EXPECT_EQ(award.actions[0].base_and_all, 300'000'000);
  EXPECT_EQ(award.actions[0].total_obligated, std::nullopt);  // no totalDollarValues
  EXPECT_EQ(award.actions[0].vendor_uei, "");                 // DUNS-era vendor
  EXPECT_EQ(award.actions[0].action_type, "D");
}

TEST(RecordsAtomTest, EmptyModifiedAndCdataTitlesAreFine) {
  // kOneAward has <modified/> in the feed and the entry, and CDATA titles holding '&'.
  RecordSet records = ReadFeed("one.xml", kOneAward);
  ASSERT_EQ(records.awards.size(), 1u);
  EXPECT_EQ(records.awards[0].key, "CONT_AWD_1234P0001_1234_-NONE-_-NONE-");
  std::string open_close =
      OneAwardWith("<modified/>\n    <content", "<modified></modified><content");
  EXPECT_EQ(ReadFeed("one.xml", open_close).awards.size(), 1u);
}

TEST(RecordsAtomTest, ReadsConcatenatedPages) {
  // A BOM, page 1, a blank line, page 2: the order's modification is on the second page.
  std::string xml = AtomFixture("two_pages.xml");
  RecordSet records = ReadFeed("crawl.xml", xml);
  ASSERT_EQ(records.awards.size(), 2u);
  EXPECT_EQ(records.action_count, 3u);
  const Award* first = Find(records, "CONT_AWD_70CDCR25P00000001_7012_-NONE-_-NONE-");
  ASSERT_NE(first, nullptr);
  ASSERT_EQ(first->actions.size(), 2u);
  EXPECT_EQ(first->actions[0].mod_number, "0");
  EXPECT_EQ(first->actions[0].source_line, 11u);
  EXPECT_EQ(first->actions[1].mod_number, "P00001");
  EXPECT_EQ(first->actions[1].obligated, -500'000);
  EXPECT_EQ(first->actions[1].source_line, 47u);  // lines count across the pages
  const Award* second = Find(records, "CONT_AWD_70CDCR25P00000002_7012_-NONE-_-NONE-");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->actions[0].obligated, 12'025);
  EXPECT_EQ(second->actions[0].source_line, 76u);
  // An empty page written as <feed/> ends where its one tag ends.
  std::string empty_first = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" />";
  RecordSet after_empty = ReadFeed("crawl.xml", empty_first + std::string(kOneAward));
  ASSERT_EQ(after_empty.awards.size(), 1u);
  EXPECT_EQ(after_empty.awards[0].actions[0].source_line, LineOf(kOneAward, "<ns1:award "));
}

TEST(RecordsAtomTest, ReadsACrawlLargerThanOneParserSlice) {
  // expat is fed 1 MiB at a time: pages and entries straddle the slice boundaries.
  std::string page = AtomFixture("fpds_slices_feed.xml");
  std::string crawl;
  for (int i = 0; i < 20; ++i) crawl += page;
  ASSERT_GT(crawl.size(), std::size_t{1} << 20);
  RecordBatch batch;
  Status s = ReadAtomFeed("big.xml", crawl, &batch);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(batch.action_count(), 20u * 18u);
  RecordSet records;
  batch.MoveInto(&records);
  FinishRecords(&records);  // the repeats are the same actions
  EXPECT_EQ(records.awards.size(), 5u);
  EXPECT_EQ(records.action_count, 18u);
}

TEST(RecordsAtomTest, ErrorsOnLaterPagesNameTheFileLine) {
  std::string page(kOneAward);
  std::string bad = OneAwardWith("<ns1:obligatedAmount>10.00", "<ns1:obligatedAmount>ten");
  std::string crawl = page + page + bad;
  std::string message = ErrorOf(crawl);
  std::size_t line = 2 * LineOf(page, "</feed>") + LineOf(bad, "<ns1:obligatedAmount>");
  EXPECT_EQ(message.rfind("feed.xml:" + std::to_string(line) + ": field 'obligatedAmount': ", 0),
            0u)
      << message;
}

TEST(RecordsAtomTest, MalformedXmlNamesFileAndLine) {
  std::string xml = OneAwardWith("</ns1:PIID>", "</ns1:PIDD>");
  std::string message = ErrorOf(xml);
  EXPECT_EQ(message.rfind("feed.xml:" + std::to_string(LineOf(xml, "</ns1:PIDD>")) + ": ", 0), 0u)
      << message;
  EXPECT_NE(message.find("malformed XML"), std::string::npos) << message;

  std::string truncated(kOneAward.substr(0, kOneAward.find("</ns1:award>")));
  std::string message_truncated = ErrorOf(truncated);
  EXPECT_NE(message_truncated.find("malformed XML: the page ends before its elements close"),
            std::string::npos)
      << message_truncated;
  std::string bare_ampersand =
      OneAwardWith("<title><![CDATA[New PURCHASE ORDER 1234 awarded to A & B]]>", "<title>A & B");
  EXPECT_EQ(ErrorOf(bare_ampersand).rfind("feed.xml:6: malformed XML: ", 0), 0u);
  // A prefix nobody declared is not namespace-well-formed.
  std::string undeclared(kOneAward);
  for (std::size_t at;
       (at = undeclared.find(" xmlns:ns1=\"https://www.fpds.gov/FPDS\"")) != std::string::npos;) {
    undeclared.erase(at, std::string_view(" xmlns:ns1=\"https://www.fpds.gov/FPDS\"").size());
  }
  std::string message_undeclared = ErrorOf(undeclared);
  EXPECT_EQ(
      message_undeclared.rfind(
          "feed.xml:" + std::to_string(LineOf(undeclared, "<ns1:award")) + ": malformed XML", 0),
      0u)
      << message_undeclared;
}

TEST(RecordsAtomTest, BadMoneyNamesTheElement) {
  std::string xml = OneAwardWith("<ns1:obligatedAmount>10.00", "<ns1:obligatedAmount>12,34.5x");
  std::string message = ErrorOf(xml);
  std::string want = "feed.xml:" + std::to_string(LineOf(xml, "<ns1:obligatedAmount>")) +
                     ": field 'obligatedAmount': ";
  EXPECT_EQ(message.rfind(want, 0), 0u) << message;
  EXPECT_GT(message.size(), want.size());

  std::string date = OneAwardWith("2024-05-06 00:00:00", "2024-02-30 00:00:00");
  EXPECT_EQ(ErrorOf(date).rfind("feed.xml:" + std::to_string(LineOf(date, "<ns1:signedDate>")) +
                                    ": field 'signedDate': ",
                                0),
            0u);
}

TEST(RecordsAtomTest, MissingIdentifiersAndSignedDateAreErrors) {
  std::size_t award_line = LineOf(kOneAward, "<ns1:award ");
  auto expect = [&](std::string_view from, std::string_view to, const std::string& want) {
    std::string message = ErrorOf(OneAwardWith(from, to));
    EXPECT_EQ(message.rfind(want, 0), 0u) << message;
  };
  std::string at = "feed.xml:" + std::to_string(award_line) + ": field ";
  expect("<ns1:PIID>1234P0001</ns1:PIID>", "", at + "'PIID': missing");
  expect("<ns1:agencyID name=\"EXAMPLE\">1234</ns1:agencyID>", "", at + "'agencyID': missing");
  expect("<ns1:modNumber>0</ns1:modNumber>", "", at + "'modNumber': missing");
  expect("<ns1:signedDate>2024-05-06 00:00:00</ns1:signedDate>", "", at + "'signedDate': missing");
  std::string piid_line = std::to_string(LineOf(kOneAward, "<ns1:PIID>"));
  expect("1234P0001", " ", "feed.xml:" + piid_line + ": field 'PIID': empty");
  expect("1234P0001", "N/A", "feed.xml:" + piid_line + ": field 'PIID': no PIID");
}

TEST(RecordsAtomTest, RootMustBeAFeedAndOtherEntriesAreSkipped) {
  EXPECT_NE(ErrorOf("<?xml version=\"1.0\"?>\n<html><body/></html>").find("not an Atom feed"),
            std::string::npos);
  EXPECT_NE(ErrorOf("").find("not an Atom feed"), std::string::npos);
  EXPECT_NE(ErrorOf("<?xml version=\"1.0\"?>\n<!-- nothing -->").find("not an Atom feed"),
            std::string::npos);
  // An empty page (no entries) and an entry that is neither an award nor an IDV give nothing.
  EXPECT_EQ(
      ReadFeed("e.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>")
          .awards.size(),
      0u);
  std::string other = OneAwardWith("ns1:award xmlns", "ns1:OtherTransactionAward xmlns");
  other = other.replace(other.find("</ns1:award>"), 12, "</ns1:OtherTransactionAward>");
  EXPECT_EQ(ReadFeed("o.xml", other).awards.size(), 0u);
  // A comment after the last page is not another page.
  EXPECT_EQ(ReadFeed("c.xml", std::string(kOneAward) + "<!-- saved 2025-03-01 -->\n").awards.size(),
            1u);
}

TEST(RecordsAtomTest, LooksLikeAtomFeed) {
  EXPECT_TRUE(LooksLikeAtomFeed(AtomFixture("raw_award_idv.xml")));
  EXPECT_TRUE(LooksLikeAtomFeed(AtomFixture("reserialized_ns0.xml")));
  EXPECT_TRUE(LooksLikeAtomFeed(AtomFixture("two_pages.xml")));  // BOM first
  EXPECT_TRUE(LooksLikeAtomFeed("\n  <?xml version=\"1.0\"?>\n<!-- saved -->\n<feed/>"));
  EXPECT_TRUE(LooksLikeAtomFeed("<?xml version=\"1.0\"?><a:feed xmlns:a=\"x\">"));

  EXPECT_FALSE(LooksLikeAtomFeed(""));
  EXPECT_FALSE(LooksLikeAtomFeed(Slurp(Fixture("records", "fpds_awards_slice.csv"))));
  EXPECT_FALSE(LooksLikeAtomFeed("{\"feed\": {\"entry\": []}}"));
  EXPECT_FALSE(LooksLikeAtomFeed("<!DOCTYPE html>\n<html><head><title>FPDS</title></head></html>"));
  EXPECT_FALSE(
      LooksLikeAtomFeed("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/"
                        "xhtml\"><body>Service retired</body></html>"));
  EXPECT_FALSE(LooksLikeAtomFeed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));  // no <?xml
  EXPECT_FALSE(LooksLikeAtomFeed("<?xml-stylesheet href=\"a.xsl\"?><feed/>"));
  EXPECT_FALSE(LooksLikeAtomFeed("<?xml version=\"1.0\"?><feeds/>"));
}

}  // namespace
}  // namespace receipts::records
