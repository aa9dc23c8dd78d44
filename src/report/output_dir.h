// Writing a run's outputs into a directory so that readers see the old set or the new set,
// never a half-written file.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "verify/claim_result.h"

namespace receipts {

// Writes each (name, content) of `files` into `dir`, creating `dir` (and its parents) when
// missing. Every file is first written (and fsynced) to `dir/.NAME.tmp-<pid>`; only when all are
// written is each renamed over `dir/NAME`, so a failure while writing leaves any previous outputs
// untouched. On failure the temporary files are removed and the Status (IoError) names the path.
// A name must be a plain file name (no '/', not "." or "..") or the result is InvalidInput.
// A rename failing part-way (rare: same directory, same file system) can leave the earlier files
// renamed; the Status says which file failed.
Status WriteFilesAtomically(const std::string& dir,
                            const std::vector<std::pair<std::string, std::string>>& files);

// The report of a verification run: verdicts.csv, summary.json, summary.md and report.html in
// `dir`, written with WriteFilesAtomically.
Status WriteVerifyReport(const std::string& dir, const VerifyRun& run);

}  // namespace receipts
