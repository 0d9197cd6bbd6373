#include "common/atomic_output.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "common/error.h"

namespace pb {

namespace {

// Temporary files alive right now, readable from a signal handler: fixed slots of plain chars.
constexpr std::size_t kSlots = 16;
constexpr std::size_t kPathMax = 4096;
std::array<std::atomic<bool>, kSlots> slot_used{};
std::array<std::array<char, kPathMax>, kSlots> slot_path{};

int register_temp(const std::filesystem::path& path) {
  const std::string text = path.string();
  if (text.size() >= kPathMax) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (slot_used[i].compare_exchange_strong(expected, true)) {
      slot_path[i].fill('\0');
      std::memcpy(slot_path[i].data(), text.c_str(), text.size());
      return static_cast<int>(i);
    }
  }
  return -1;
}

void release_slot(int slot) {
  if (slot >= 0) slot_used[static_cast<std::size_t>(slot)].store(false);
}

std::string describe_errno(int error) {
  return std::strerror(error);
}

}  // namespace

AtomicOutput::AtomicOutput(std::filesystem::path destination) : destination_(std::move(destination)) {
  std::filesystem::path folder = destination_.parent_path();
  if (folder.empty()) folder = ".";
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error))
    throw BuildError(destination_.string(), "cannot write the book: folder " + folder.string() + " does not exist");
  std::string pattern = (folder / ("." + destination_.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0)
    throw BuildError(destination_.string(),
                     "cannot write the book in " + folder.string() + ": " + describe_errno(errno));
  fchmod(fd, 0644);
  close(fd);
  temp_path_ = pattern;
  registry_slot_ = register_temp(temp_path_);
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    std::error_code ignored;
    std::filesystem::remove(temp_path_, ignored);
  }
  release_slot(registry_slot_);
}

void AtomicOutput::commit() {
  if (std::rename(temp_path_.c_str(), destination_.c_str()) != 0)
    throw BuildError(destination_.string(), "cannot replace the previous book: " + describe_errno(errno));
  committed_ = true;
}

void remove_pending_outputs() {
  for (std::size_t i = 0; i < kSlots; ++i)
    if (slot_used[i].load()) unlink(slot_path[i].data());
}

}  // namespace pb
