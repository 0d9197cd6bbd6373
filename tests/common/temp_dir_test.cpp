#include "common/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace pb {
namespace {

namespace fs = std::filesystem;

TEST(TempDir, MakesAnEmptyPrivateFolder) {
  TempDir dir;
  ASSERT_TRUE(fs::is_directory(dir.path()));
  EXPECT_TRUE(fs::is_empty(dir.path()));
  EXPECT_TRUE(dir.path().is_absolute());
  EXPECT_EQ(dir.path().filename().string().rfind("postbinder-", 0), 0u) << dir.path();
  const fs::perms perms = fs::status(dir.path()).permissions();
  EXPECT_EQ(perms & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
}

TEST(TempDir, EachInstanceIsDifferent) {
  TempDir a;
  TempDir b;
  EXPECT_NE(a.path(), b.path());
}

TEST(TempDir, RemovedWithEverythingInsideWhenDestroyed) {
  fs::path kept;
  {
    TempDir dir;
    kept = dir.path();
    fs::create_directories(dir.path() / "a" / "b");
    std::ofstream(dir.path() / "a" / "b" / "image.jpg") << "bytes";
    std::ofstream(dir.path() / "top.txt") << "bytes";
  }
  EXPECT_FALSE(fs::exists(kept));
}

TEST(TempDir, HonoursTmpdir) {
  TempDir outer;
  const char* saved = std::getenv("TMPDIR");
  const std::string saved_value = saved ? saved : "";
  setenv("TMPDIR", outer.path().c_str(), 1);
  fs::path inner_path;
  {
    TempDir inner;
    inner_path = inner.path();
    EXPECT_EQ(inner.path().parent_path(), outer.path());
  }
  if (saved)
    setenv("TMPDIR", saved_value.c_str(), 1);
  else
    unsetenv("TMPDIR");
  EXPECT_FALSE(fs::exists(inner_path));
  EXPECT_TRUE(fs::exists(outer.path()));
}

}  // namespace
}  // namespace pb
