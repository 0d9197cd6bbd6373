// POSTBINDER_TIMINGS=1 prints how long each stage of a build took, on stderr: the first thing
// to look at when a build is slower than it should be.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace pb::cli {

class StageTimer {
 public:
  StageTimer() : enabled_(std::getenv("POSTBINDER_TIMINGS") != nullptr), last_(Clock::now()) {}

  // Reports the time since the previous lap (or the timer's creation).
  void lap(const std::string& stage) {
    const auto now = Clock::now();
    if (enabled_)
      std::fprintf(stderr, "postbinder: timing: %-12s %8.1f ms\n", stage.c_str(),
                   std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  Clock::time_point last_;
};

}  // namespace pb::cli
