// Download progress on stderr: an updating bar on a terminal, a plain line now and then when
// stderr is a file or pipe, nothing with --quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace pb::net {

class Progress {
 public:
  // An empty what (single requests) shows nothing.
  Progress(std::string what, std::size_t total, bool quiet);
  // More transfers joined the count (downloads that arrive in batches share one display).
  void expect(std::size_t more) { total_ += more; }
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void transferred(std::uintmax_t bytes);  // body bytes as they arrive
  void finished_one();
  void done();  // clears the bar; in a log, writes the final count

 private:
  void draw(bool force);
  void print_line();
  std::string what_;
  std::size_t total_ = 0;
  std::size_t finished_ = 0;
  std::uintmax_t bytes_ = 0;
  bool quiet_ = false;
  bool terminal_ = false;
  bool drawn_ = false;
  bool finished_line_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace pb::net
