// Writing a run's outputs into a directory so that readers see the old set or the new set,
// never a half-written file.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "report/claims_money.h"
#include "report/text_sink.h"
#include "verify/claim_result.h"

namespace receipts {

// One file of a run: its name and what writes its text, called once while the file is open (the
// text is drained to the file as it is made, so no file is ever held whole). An error it returns
// fails the write like a failed write(2).
struct OutputFile {
  std::string name;
  std::function<Status(TextSink*)> render;
};

// Makes `dir` hold exactly `files`, as one run: they are rendered one at a time, written and
// fsynced into a new directory ".BASE.tmp-PID-XXXXXX" beside `dir` (BASE its last component), which
// is then swapped with `dir` in one renameat2(RENAME_EXCHANGE) (a plain rename when `dir` is new),
// and the old run removed. A reader, a kill -9 or a full disk never shows two runs mixed: `dir`
// is the old run or the new one, whole. Temporary directories of killed runs beside `dir` are
// removed first. Parents of `dir` are created; a symlink `dir` is replaced at its target.
// Fails (IoError naming the path, `dir` untouched) when writing fails, when `dir` is not a
// directory, or when it holds an entry that is not one of `files`' names (an existing directory
// of other files is never replaced). A name is a plain file name or a relative path
// of plain names ("claims/x.html": the folders are made; inside them an entry that is neither one
// of `files` nor a plain file with an extension `files` has in that folder is foreign, as above),
// never "." or ".."; anything else is InvalidInput.
Status WriteFilesAtomically(const std::string& dir, const std::vector<OutputFile>& files);

// The same for files whose content is already in memory (name, content).
Status WriteFilesAtomically(const std::string& dir,
                            const std::vector<std::pair<std::string, std::string>>& files);

// The files of a verification run's report, in the order they are written.
inline constexpr const char* kVerifyReportFiles[] = {"verdicts.csv", "leases.csv", "published.csv",
                                                     "summary.json", "summary.md", "report.html"};

// The report of a verification run: kVerifyReportFiles in `dir`, written with
// WriteFilesAtomically: each file is rendered while it is written, so memory holds the run and
// one piece of one file.
// With `money` (may be null) report.html also follows the money (report/claims_money.h).
Status WriteVerifyReport(const std::string& dir, const VerifyRun& run,
                         const ClaimsMoney* money = nullptr);

}  // namespace receipts
