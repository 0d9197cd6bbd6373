// Writes a file so that readers only ever see the previous version or the complete new one.
// The data goes to a temporary file in the destination's folder and is renamed over the
// destination on commit(). If the build fails or is interrupted (SIGINT, SIGTERM), the temporary
// file is removed and the previous output stays untouched.
//
// There is no fsync before the rename. A book is derived data that a rebuild makes again from
// the cache in a fraction of a second, and waiting for the disk took a tenth of a rebuild. The
// rename keeps the guarantee against failed, killed and interrupted builds; against a power cut
// it is as safe as the file system makes a rename over an existing file (ext4, Debian's default,
// starts writing the new file's data before the rename is committed).
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

  // Renames the temporary file over the destination.
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
