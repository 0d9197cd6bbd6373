// Writes a file so that readers only ever see the previous version or the complete new one.
// The data goes to a temporary file in the destination's folder and is renamed over the
// destination on commit(). If the build fails or is interrupted (SIGINT, SIGTERM), the temporary
// file is removed and the previous output stays untouched.
#pragma once

#include <filesystem>

namespace pb {

class AtomicOutput {
 public:
  // Throws BuildError when the destination folder is missing or not writable.
  explicit AtomicOutput(std::filesystem::path destination);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  const std::filesystem::path& temp_path() const { return temp_path_; }
  const std::filesystem::path& destination() const { return destination_; }

  // Flushes the temporary file to disk and renames it over the destination.
  void commit();

 private:
  std::filesystem::path destination_;
  std::filesystem::path temp_path_;
  int registry_slot_ = -1;
  bool committed_ = false;
};

// Removes every temporary output file still pending. Async-signal-safe: called from the
// handler of a second SIGINT, when the process ends without unwinding.
void remove_pending_outputs();

}  // namespace pb
