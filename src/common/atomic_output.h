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

// Holds SIGINT and SIGTERM while a stretch of work that must not be cut (a library writing
// its own temporary files) runs; a pending signal is delivered when the guard ends.
class SignalHold {
 public:
  SignalHold();
  ~SignalHold();
  SignalHold(const SignalHold&) = delete;
  SignalHold& operator=(const SignalHold&) = delete;
};

// Installs the SIGINT/SIGTERM handlers that remove pending temporary files. Called once by main.
void install_interrupt_cleanup();

}  // namespace pb
