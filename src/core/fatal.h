// What a thread does with an exception nobody can handle: an allocation failure (or any other
// exception) escaping a worker thread would call std::terminate, which aborts (exit 134) with no
// word of what ran out. These end the process with exit 1 and a message instead.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <utility>

namespace receipts {

// Prints "receipts: out of memory (WHERE)" or "receipts: WHERE: WHAT" for the exception being
// handled. Call only inside a catch block.
inline void ReportCurrentException(const char* where) noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "receipts: out of memory (%s)\n", where);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "receipts: %s: %s\n", where, e.what());
  } catch (...) {
    std::fprintf(stderr, "receipts: %s: unknown exception\n", where);
  }
  std::fflush(stderr);
}

// ReportCurrentException, then exit 1 at once: other threads may still hold what ran out, so
// nothing is unwound. Call only inside a catch block.
[[noreturn]] inline void ExitOnCurrentException(const char* where) noexcept {
  ReportCurrentException(where);
  std::_Exit(1);
}

// Runs `body` (a worker thread's whole work); an exception escaping it ends the process as
// ExitOnCurrentException does.
template <typename Body>
void RunOrExit(const char* where, Body&& body) noexcept {
  try {
    std::forward<Body>(body)();
  } catch (...) {
    ExitOnCurrentException(where);
  }
}

}  // namespace receipts
