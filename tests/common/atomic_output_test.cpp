#include "common/atomic_output.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/temp_dir.h"

namespace pb {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Binary data with a NUL and bytes that are not UTF-8: the file is copied byte for byte.
const std::string kOldBytes = std::string("old book\0\xFF\x01", 11);

TEST(AtomicOutput, TempFileIsInTheDestinationFolder) {
  TempDir dir;
  const fs::path destination = dir.path() / "book.epub";
  AtomicOutput output(destination);
  EXPECT_EQ(output.destination(), destination);
  EXPECT_EQ(output.temp_path().parent_path(), dir.path());
  EXPECT_NE(output.temp_path(), destination);
  EXPECT_TRUE(fs::is_regular_file(output.temp_path()));
  EXPECT_FALSE(fs::exists(destination));
}

TEST(AtomicOutput, CommitCreatesTheDestination) {
  TempDir dir;
  const fs::path destination = dir.path() / "book.epub";
  {
    AtomicOutput output(destination);
    write_file(output.temp_path(), "new book");
    output.commit();
    EXPECT_FALSE(fs::exists(output.temp_path()));
  }
  EXPECT_EQ(read_file(destination), "new book");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"book.epub"});
}

TEST(AtomicOutput, CommitReplacesThePreviousFile) {
  TempDir dir;
  const fs::path destination = dir.path() / "book.epub";
  write_file(destination, kOldBytes);
  {
    AtomicOutput output(destination);
    EXPECT_EQ(read_file(destination), kOldBytes);  // untouched until commit
    write_file(output.temp_path(), "replacement");
    output.commit();
  }
  EXPECT_EQ(read_file(destination), "replacement");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"book.epub"});
}

TEST(AtomicOutput, CommittedFileIsReadableByOthers) {
  TempDir dir;
  const fs::path destination = dir.path() / "book.epub";
  AtomicOutput output(destination);
  write_file(output.temp_path(), "x");
  output.commit();
  struct stat info {};
  ASSERT_EQ(stat(destination.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0644u);
}

TEST(AtomicOutput, DestructionWithoutCommitLeavesTheOldFileAndNoTemp) {
  TempDir dir;
  const fs::path destination = dir.path() / "book.epub";
  write_file(destination, kOldBytes);
  fs::path temp;
  {
    AtomicOutput output(destination);
    temp = output.temp_path();
    write_file(temp, "half-written book");
  }
  EXPECT_FALSE(fs::exists(temp));
  EXPECT_EQ(read_file(destination), kOldBytes);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"book.epub"});
}

TEST(AtomicOutput, DestructionWithoutCommitAndNoPreviousFileLeavesNothing) {
  TempDir dir;
  {
    AtomicOutput output(dir.path() / "book.epub");
    write_file(output.temp_path(), "partial");
  }
  EXPECT_TRUE(names_in(dir.path()).empty());
}

TEST(AtomicOutput, MissingFolderThrowsBuildError) {
  TempDir dir;
  const fs::path destination = dir.path() / "no-such-folder" / "book.epub";
  try {
    AtomicOutput output(destination);
    FAIL() << "expected BuildError";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), destination.string());
    EXPECT_NE(std::string(error.what()).find("no-such-folder"), std::string::npos) << error.what();
  }
  EXPECT_TRUE(names_in(dir.path()).empty());
}

TEST(AtomicOutput, FailedRenameThrowsAndCleansUp) {
  TempDir dir;
  const fs::path destination = dir.path() / "book.epub";
  fs::create_directory(destination);  // a folder in the way: rename() must fail
  write_file(destination / "inside", "keep");
  {
    AtomicOutput output(destination);
    write_file(output.temp_path(), "new");
    EXPECT_THROW(output.commit(), BuildError);
  }
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"book.epub"});
  EXPECT_EQ(read_file(destination / "inside"), "keep");
}

TEST(AtomicOutput, TwoOutputsInOneFolderUseDifferentTempFiles) {
  TempDir dir;
  AtomicOutput first(dir.path() / "a.epub");
  AtomicOutput second(dir.path() / "a.epub");
  EXPECT_NE(first.temp_path(), second.temp_path());
}

TEST(AtomicOutput, ManyOutputsAtOnceStillCleanUp) {
  // More than the signal handler's fixed registry holds: the extra ones must still work.
  TempDir dir;
  {
    std::vector<std::unique_ptr<AtomicOutput>> outputs;
    for (int i = 0; i < 24; ++i)
      outputs.push_back(std::make_unique<AtomicOutput>(dir.path() / ("b" + std::to_string(i))));
    EXPECT_EQ(names_in(dir.path()).size(), 24u);
    outputs[20]->commit();
  }
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"b20"});
}

}  // namespace
}  // namespace pb
