// Progress of a long scan on stderr: bytes, rows, rate and time left, redrawn in place a few times
// a second. Shown only to a person watching: stderr a terminal and no --quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace receipts {

class ProgressMeter {
 public:
  // Whether progress belongs on `fd`: a terminal, and the user did not ask for quiet.
  static bool ShouldShow(int fd, bool quiet);

  // Draws on `out` only when `enabled`.
  explicit ProgressMeter(bool enabled, std::FILE* out = stderr);
  ~ProgressMeter();

  bool enabled() const { return enabled_; }

  // A new file of `total_bytes` (0: unknown) begins.
  void Begin(const std::string& name, std::uint64_t total_bytes);
  // `done` of the file's bytes read and `rows` records so far; redraws at most 5 times a second.
  void Update(std::uint64_t done, std::uint64_t rows);
  // Clears the line.
  void End();

  // The line Update draws (without the carriage return), for tests.
  static std::string Format(const std::string& name, std::uint64_t done, std::uint64_t total,
                            std::uint64_t rows, double seconds);

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::FILE* out_;
  std::string name_;
  std::uint64_t total_ = 0;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace receipts
