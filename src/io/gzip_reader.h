// Inflates gzip data with ISA-L's igzip, member after member, checking each member's CRC-32 and
// length (ISIZE): libarchive's gzip filter does not, so a flipped bit in a stored block went
// through.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace receipts {

class GzipReader {
 public:
  // Gives up to `capacity` compressed bytes into `buffer`; 0 at the end of the input.
  using Source = std::function<Result<std::size_t>(char* buffer, std::size_t capacity)>;

  // `name` names the input in errors. Inflating past `max_bytes` in total is an error.
  GzipReader(std::string name, Source source, std::uint64_t max_bytes);
  ~GzipReader();
  GzipReader(const GzipReader&) = delete;
  GzipReader& operator=(const GzipReader&) = delete;

  // Up to `capacity` inflated bytes; 0 after the last member. Concatenated members read as one
  // stream. Fails, naming the input and the byte offset, on a bad CRC-32 or length, corrupt or
  // truncated data, anything after the last member that is not a gzip member (trailing
  // garbage, zero padding too), and on inflating past the limit.
  Result<std::size_t> Read(char* buffer, std::size_t capacity);

  // Compressed bytes consumed so far.
  std::uint64_t compressed_bytes() const;

 private:
  struct State;
  Status Fail(std::string what) const;
  Status Refill();
  std::string name_;
  Source source_;
  std::uint64_t max_bytes_;
  std::unique_ptr<State> state_;
};

// The whole of gzip `bytes` inflated, as GzipReader reads it.
Result<std::string> InflateGzip(const std::string& name, const std::string& bytes,
                                std::uint64_t max_bytes);

}  // namespace receipts
