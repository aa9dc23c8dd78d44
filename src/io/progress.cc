#include "io/progress.h"

#include <fmt/format.h>
#include <unistd.h>

namespace receipts {
namespace {

std::string Bytes(double n) {
  if (n >= 1e9) return fmt::format("{:.2f} GB", n / 1e9);
  return fmt::format("{:.0f} MB", n / 1e6);
}

std::string MinSec(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

bool ProgressMeter::ShouldShow(int fd, bool quiet) { return !quiet && ::isatty(fd) == 1; }

ProgressMeter::ProgressMeter(bool enabled, std::FILE* out) : enabled_(enabled), out_(out) {}

ProgressMeter::~ProgressMeter() { End(); }

void ProgressMeter::Begin(const std::string& name, std::uint64_t total_bytes) {
  name_ = name;
  total_ = total_bytes;
  start_ = Clock::now();
  last_draw_ = start_;
}

std::string ProgressMeter::Format(const std::string& name, std::uint64_t done, std::uint64_t total,
                                  std::uint64_t rows, double seconds) {
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  std::string line = fmt::format("receipts: {} {}", name, Bytes(static_cast<double>(done)));
  if (total > 0) {
    line += fmt::format(" of {} ({:.0f}%)", Bytes(static_cast<double>(total)),
                        100.0 * static_cast<double>(done) / static_cast<double>(total));
  }
  line += fmt::format(", {} rows, {}/s", rows, Bytes(rate));
  if (total > 0 && rate > 0 && done <= total) {
    line += ", ETA " + MinSec(static_cast<double>(total - done) / rate);
  }
  return line;
}

void ProgressMeter::Update(std::uint64_t done, std::uint64_t rows) {
  if (!enabled_) return;
  Clock::time_point now = Clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = Format(name_, done, total_, rows, seconds);
  std::fprintf(out_, "\r\033[K%s", line.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressMeter::End() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(out_, "\r\033[K");
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace receipts
