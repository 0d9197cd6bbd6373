#include "common/diagnostics.h"

#include <iostream>

namespace pb {

void Diagnostics::warn(const std::string& origin, const std::string& message) {
  std::string line = origin.empty() ? message : origin + ": " + message;
  std::lock_guard lock(mutex_);
  std::cerr << "postbinder: warning: " << line << '\n';
  warnings_.push_back(std::move(line));
}

void Diagnostics::note(const std::string& message) {
  if (quiet_) return;
  std::lock_guard lock(mutex_);
  std::cerr << "postbinder: " << message << '\n';
}

std::vector<std::string> Diagnostics::warnings() const {
  std::lock_guard lock(mutex_);
  return warnings_;
}

}  // namespace pb
