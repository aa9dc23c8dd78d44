// Where a rendering goes: a string kept whole (tests, the API), or a file written while the text
// is made, so that a report of a million claims (345 MB of HTML) is never held in memory.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace receipts {

class TextSink {
 public:
  // Takes the text piece by piece; returns an error to stop taking it (a full disk, say).
  using Drain = std::function<Status(std::string_view)>;

  // Pieces of about this size go to the drain: large enough that writes are few, small enough
  // that the buffer is nothing beside the claims.
  static constexpr std::size_t kSpillBytes = std::size_t{1} << 20;

  // Without a drain every byte stays in out(); with one, Spill() and Finish() hand it over.
  explicit TextSink(Drain drain = {}) : drain_(std::move(drain)) {}

  // Renderers append here, then call Spill() between rows.
  std::string& out() { return out_; }

  // Reserves room for a whole text of about `bytes` in a string sink, or for one piece in a
  // drained one.
  void Reserve(std::size_t bytes);

  // Appends `text`; a large one goes straight to the drain rather than through the buffer.
  void Append(std::string_view text);

  // Hands out() to the drain once it holds kSpillBytes or more. No-op for a string sink and
  // after a drain error (the rest of the text is then dropped: Finish() reports the error).
  void Spill();

  // Drains what is left; returns the first drain error, if any.
  Status Finish();

 private:
  void DrainAll();

  Drain drain_;
  std::string out_;
  Status error_;
};

}  // namespace receipts
