// Replays every seed and every saved crash through each fuzz target (see fuzz_target.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/fuzz_target.h"

namespace {

namespace fs = std::filesystem;

std::size_t replay_folder(const fs::path& folder, pb::fuzz::Target target) {
  std::size_t count = 0;
  if (!fs::is_directory(folder)) return 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream stream(entry.path(), std::ios::binary);
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    const std::string bytes = buffer.str();
    SCOPED_TRACE(entry.path().string());
    target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    ++count;
  }
  return count;
}

TEST(FuzzReplay, EverySeedAndRegressionRunsCleanThroughItsTarget) {
  const fs::path root = fs::path(POSTBINDER_SOURCE_DIR) / "tests/fuzz";
  ASSERT_GE(pb::fuzz::registry().size(), 4u);
  for (const auto& [name, target] : pb::fuzz::registry()) {
    const std::size_t seeds = replay_folder(root / "corpus" / name, target);
    replay_folder(root / "regressions" / name, target);
    EXPECT_GT(seeds, 0u) << name << " has no seed corpus";
  }
}

}  // namespace
