// Saved FPDS ATOM feed pages (https://www.fpds.gov/ezsearch/FEEDS/ATOM, being retired): one Atom
// <entry> per contract action, its <content> holding an FPDS <award> or <IDV>. Read into the same
// model as the FPDS element CSV (records_fpds.h), whose columns are named after these elements,
// so an action gives the same award key and figures from either source. Elements are matched by
// local name and path, whatever the namespace (www.fpds.gov or the older www.fpdsng.com) or
// prefix. The shapes read are those of records.md §4 and appendix A (the project notes).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "records/records_batch.h"

namespace receipts::records {

// True when `bytes` (after an optional UTF-8 BOM and white space) start an XML document whose root
// is an Atom feed ("<?xml", then a `feed` element, any prefix): a saved FPDS ATOM page. Only the
// start of `bytes` is looked at.
bool LooksLikeAtomFeed(std::string_view bytes);

// Adds every award and IDV entry of the feed page(s) in `bytes` to `batch`. A saved crawl may hold
// several complete XML documents one after another; each is read in turn. `name` is used in errors
// ("NAME:LINE: field 'ELEMENT': what", LINE counted over the whole of `bytes`). Fails on malformed
// XML, a root that is not `feed`, a missing or empty PIID, agencyID, modNumber or signedDate, or a
// money, date or count that does not parse; `batch` may then be partly filled and is to be
// discarded. Entries holding neither an award nor an IDV (other transactions) are skipped.
Status ReadAtomFeed(const std::string& name, std::string_view bytes, RecordBatch* batch);

}  // namespace receipts::records
