#include "report/text_sink.h"

#include <algorithm>

namespace receipts {

void TextSink::Reserve(std::size_t bytes) {
  out_.reserve(drain_ ? std::min(bytes, 2 * kSpillBytes) : bytes);
}

void TextSink::DrainAll() {
  if (!error_.ok() || out_.empty()) return;
  error_ = drain_(out_);
  out_.clear();
}

void TextSink::Append(std::string_view text) {
  if (drain_ && text.size() >= kSpillBytes) {
    DrainAll();
    if (error_.ok()) error_ = drain_(text);
    return;
  }
  out_ += text;
  Spill();
}

void TextSink::Spill() {
  if (drain_ && out_.size() >= kSpillBytes) DrainAll();
}

Status TextSink::Finish() {
  if (drain_) DrainAll();
  return error_;
}

}  // namespace receipts
