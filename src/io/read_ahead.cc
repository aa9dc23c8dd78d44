#include "io/read_ahead.h"

#include <utility>

#include "core/fatal.h"

namespace receipts {

ReadAhead::ReadAhead(ArchiveStream* stream, std::size_t piece_bytes, std::size_t depth)
    : stream_(stream), depth_(depth == 0 ? 1 : depth) {
  thread_ = std::thread([this, piece_bytes] {
    RunOrExit("decompressing", [&] { Run(piece_bytes == 0 ? 1 : piece_bytes); });
  });
}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ReadAhead::Run(std::size_t piece_bytes) {
  while (true) {
    Piece piece;
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [&] { return stop_ || pieces_.size() < depth_; });
      if (stop_) return;
      if (!spare_.empty()) {  // a buffer the reader is done with: no new pages to fault in
        piece.bytes = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    piece.bytes.resize(piece_bytes);
    Result<std::size_t> n = stream_->Read(piece.bytes.data(), piece_bytes);
    std::lock_guard<std::mutex> lock(mu_);
    if (!n.ok()) {
      failure_ = n.status();
      ended_ = true;
    } else {
      piece.size = *n;
      piece.compressed_bytes = stream_->compressed_bytes();
      ended_ = *n == 0;
      pieces_.push_back(std::move(piece));
    }
    changed_.notify_all();
    if (ended_) return;
  }
}

Result<std::size_t> ReadAhead::AppendNext(std::string* out) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return !pieces_.empty() || ended_; });
  if (pieces_.empty()) {
    if (!failure_.ok()) return failure_;
    return std::size_t{0};
  }
  Piece piece = std::move(pieces_.front());
  pieces_.pop_front();
  lock.unlock();
  out->append(piece.bytes.data(), piece.size);
  compressed_bytes_ = piece.compressed_bytes;
  std::size_t size = piece.size;
  lock.lock();
  spare_.push_back(std::move(piece.bytes));
  lock.unlock();
  changed_.notify_all();
  return size;
}

}  // namespace receipts
