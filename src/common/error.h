// Errors a user can act on. Each carries where it came from (a file, a URL, a post id)
// and what was wrong, and maps to the process exit code the CLI returns.
#pragma once

#include <stdexcept>
#include <string>

namespace pb {

// The input or the environment made the build fail: exit code 1.
class BuildError : public std::runtime_error {
 public:
  BuildError(std::string origin, const std::string& what)
      : std::runtime_error(origin.empty() ? what : origin + ": " + what), origin_(std::move(origin)) {}
  const std::string& origin() const { return origin_; }

 private:
  std::string origin_;
};

// The command line asked for something impossible (unknown series, bad option value): exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace pb
