// No rescans: the outputs of a verify are kept under a key made from its inputs, and a verify with
// the same inputs copies them instead of reading gigabytes of records again.
//
// The key is the SHA-256 of: this program's own executable (any change of code is a new key), the
// job's options (--since, --kind), each claims file's full content, and for each record file its
// path, size, modification time and the SHA-256 of its first and last MiB. Hashing a multi-GB
// record file in full would cost as much as scanning it; a record file rewritten in its middle
// with the same size and modification time would not be noticed (--no-cache forces a new run).
#pragma once

#include <string>

#include "core/status.h"
#include "jobs/verify_job.h"

namespace receipts {

// $RECEIPTS_CACHE_DIR, else $XDG_CACHE_HOME/receipts, else $HOME/.cache/receipts; "" when none
// of them is set.
std::string DefaultVerifyCacheDir();

// The key of `job`'s inputs (64 hex digits). Fails when an input cannot be read.
Result<std::string> VerifyCacheKey(const VerifyJob& job);

struct CachedVerify {
  std::string headline;  // what `receipts verify` prints
  bool reused = false;   // true: copied from the cache
};

// Runs `job` (RunVerifyJob) and prints nothing; with a non-empty `cache_dir`, first looks there
// for the outputs of the same inputs and, when found, writes them into job.out_dir instead. A
// run's outputs are stored for next time (at most 16 entries are kept, the oldest dropped). A
// cache that cannot be read or written is ignored: the job runs as without one.
Result<CachedVerify> RunVerifyJobCached(const VerifyJob& job, const std::string& cache_dir);

}  // namespace receipts
