// Messages to the user on stderr: warnings that do not fail the build, notes, progress.
// Collected warnings can be read back (tests, summaries).
#pragma once

#include <mutex>
#include <string>
#include <vector>

namespace pb {

class Diagnostics {
 public:
  void set_quiet(bool quiet) { quiet_ = quiet; }
  bool quiet() const { return quiet_; }

  // "postbinder: warning: <origin>: <message>"; always printed, even when quiet.
  void warn(const std::string& origin, const std::string& message);
  // Informational line, suppressed by --quiet.
  void note(const std::string& message);

  std::vector<std::string> warnings() const;

 private:
  mutable std::mutex mutex_;
  bool quiet_ = false;
  std::vector<std::string> warnings_;
};

}  // namespace pb
