#include "net/progress.h"

#include <unistd.h>

#include <cstdio>

namespace pb::net {

namespace {

std::string megabytes(std::uintmax_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

}  // namespace

Progress::Progress(std::string what, std::size_t total, bool quiet)
    : what_(std::move(what)),
      total_(total),
      quiet_(quiet || total == 0 || what_.empty()),
      terminal_(isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
  done();
}

void Progress::transferred(std::uintmax_t bytes) {
  bytes_ += bytes;
  draw(false);
}

void Progress::finished_one() {
  ++finished_;
  draw(finished_ == total_);
}

void Progress::draw(bool force) {
  if (quiet_) return;
  const auto now = std::chrono::steady_clock::now();
  // A terminal redraws ten times a second; a log gets a line every two seconds at most.
  const auto interval = terminal_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(2000);
  if (!force && now - last_draw_ < interval) return;
  last_draw_ = now;
  if (terminal_) {
    constexpr int kWidth = 30;
    const int filled = total_ ? static_cast<int>(kWidth * finished_ / total_) : 0;
    std::string bar(static_cast<std::size_t>(filled), '=');
    bar.resize(kWidth, ' ');
    std::fprintf(stderr, "\r%s [%s] %zu/%zu, %s ", what_.c_str(), bar.c_str(), finished_, total_,
                 megabytes(bytes_).c_str());
    drawn_ = true;
  } else if (force || finished_ > 0) {
    std::fprintf(stderr, "postbinder: %s: %zu/%zu done, %s\n", what_.c_str(), finished_, total_,
                 megabytes(bytes_).c_str());
  }
}

void Progress::done() {
  if (terminal_ && drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace pb::net
