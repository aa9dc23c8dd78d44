// Work on many independent items on several threads, its results taken in item order on the
// calling thread: a record store is thousands of small files, each read, checked, inflated and
// parsed on its own, then added to one RecordSet in index order, so the result is the same as
// reading them one after the other.
#pragma once

#include <cstddef>
#include <functional>

#include "core/status.h"

namespace receipts {

// Runs `work(i)` for i in [0, count) on up to `threads` threads (0: one per core), never more
// than `window` items ahead of the last one taken (so memory stays that of `window` items), and
// `take(i)` on the calling thread in order 0, 1, ... once work(i) is done. `work` must only touch
// item i's own state. The first failure of `take` stops the run: work not yet begun is skipped,
// the threads are joined, and that status is returned.
Status RunInOrder(std::size_t count, unsigned threads, std::size_t window,
                  const std::function<void(std::size_t)>& work,
                  const std::function<Status(std::size_t)>& take);

}  // namespace receipts
