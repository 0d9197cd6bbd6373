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
    : what_(std::move(what)), total_(total), quiet_(quiet || what_.empty()), terminal_(isatty(STDERR_FILENO) == 1) {}

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
  if (quiet_ || total_ == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (terminal_) {
    // Redrawn ten times a second, and when a batch completes.
    if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(kWidth * finished_ / total_);
    std::string bar(static_cast<std::size_t>(filled), '=');
    bar.resize(kWidth, ' ');
    std::fprintf(stderr, "\r%s [%s] %zu/%zu, %s ", what_.c_str(), bar.c_str(), finished_, total_,
                 megabytes(bytes_).c_str());
    drawn_ = true;
    return;
  }
  // A log gets a line every two seconds while downloads run, and the total at the end (done()):
  // batches that complete one after another do not each add a line.
  if (now - last_draw_ < std::chrono::seconds(2)) return;
  if (last_draw_ != std::chrono::steady_clock::time_point{}) print_line();
  last_draw_ = now;
}

void Progress::print_line() {
  std::fprintf(stderr, "postbinder: %s: %zu/%zu done, %s\n", what_.c_str(), finished_, total_,
               megabytes(bytes_).c_str());
  drawn_ = true;
}

void Progress::done() {
  if (quiet_) return;
  if (terminal_) {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
  } else if (total_ > 0 && !finished_line_) {
    print_line();
    finished_line_ = true;
  }
  drawn_ = false;
}

}  // namespace pb::net
