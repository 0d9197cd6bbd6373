#include "epub/zip_archive.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <string>

#include "common/error.h"
#include "epub/sample_book.h"

namespace pb::epub {
namespace {

using test::read_bytes;
using test::ScratchFolder;
using test::write_bytes;

TEST(DosTime, PacksUtcDateAndTime) {
  const DosTime time = dos_time(1714558831);  // 2024-05-01T10:20:31Z: seconds are stored halved
  EXPECT_EQ(time.date, ((2024 - 1980) << 9) | (5 << 5) | 1);
  EXPECT_EQ(time.time, (10 << 11) | (20 << 5) | 15);
}

TEST(DosTime, ClampsToTheRangeZipCanHold) {
  EXPECT_EQ(dos_time(0).date, (0 << 9) | (1 << 5) | 1);  // 1970 -> 1980-01-01
  EXPECT_EQ(dos_time(0).time, 0);
  EXPECT_EQ(dos_time(-5).date, (0 << 9) | (1 << 5) | 1);
  EXPECT_EQ(dos_time(5000000000).date, (127 << 9) | (12 << 5) | 31);  // 2128 -> 2107-12-31
}

TEST(ZipArchive, WritesEntriesInOrderWithFixedAttributes) {
  ScratchFolder folder;
  write_bytes(folder / "data.bin", "file contents");
  const std::filesystem::path path = folder / "out.zip";
  {
    ZipArchive zip(path, "out.zip", 1714558830);
    zip.add("first.txt", "stored", ZipArchive::Compression::Store);
    zip.add("dir/second.txt", std::string(1000, 'x'), ZipArchive::Compression::Deflate);
    zip.add_file("third.bin", folder / "data.bin", ZipArchive::Compression::Store);
    zip.close();
  }
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  ASSERT_EQ(zip_get_num_entries(archive, 0), 3);
  const char* names[] = {"first.txt", "dir/second.txt", "third.bin"};
  const std::uint16_t methods[] = {ZIP_CM_STORE, ZIP_CM_DEFLATE, ZIP_CM_STORE};
  for (zip_uint64_t i = 0; i < 3; ++i) {
    zip_stat_t stat;
    ASSERT_EQ(zip_stat_index(archive, i, 0, &stat), 0);
    EXPECT_STREQ(stat.name, names[i]);
    EXPECT_EQ(stat.comp_method, methods[i]) << names[i];
    zip_uint8_t system = 0;
    zip_uint32_t attributes = 0;
    ASSERT_EQ(zip_file_get_external_attributes(archive, i, 0, &system, &attributes), 0);
    EXPECT_EQ(system, ZIP_OPSYS_UNIX);
    EXPECT_EQ(attributes, 0100644U << 16U);
    std::tm local{};  // libzip reads the DOS time as local time: compare the fields
    const std::time_t stored = stat.mtime;
    localtime_r(&stored, &local);
    EXPECT_EQ(local.tm_year + 1900, 2024);
    EXPECT_EQ(local.tm_mon + 1, 5);
    EXPECT_EQ(local.tm_mday, 1);
    EXPECT_EQ(local.tm_hour, 10);
    EXPECT_EQ(local.tm_min, 20);
    EXPECT_EQ(local.tm_sec, 30);
  }
  zip_close(archive);
}

TEST(ZipArchive, DuplicateEntryNamesFail) {
  ScratchFolder folder;
  ZipArchive zip(folder / "out.zip", "out.zip", 0);
  zip.add("a.txt", "1", ZipArchive::Compression::Deflate);
  EXPECT_THROW(zip.add("a.txt", "2", ZipArchive::Compression::Deflate), BuildError);
}

TEST(ZipArchive, MissingSourceFileFailsWhenAddedOrClosed) {
  ScratchFolder folder;
  try {
    ZipArchive zip(folder / "out.zip", "out.zip", 0);
    zip.add_file("x.png", folder / "missing.png", ZipArchive::Compression::Store);
    zip.close();
    FAIL() << "no error";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), "out.zip");
    EXPECT_NE(std::string(error.what()).find("missing.png"), std::string::npos) << error.what();
  }
  EXPECT_FALSE(std::filesystem::exists(folder / "out.zip"));
}

TEST(ZipArchive, FailedCloseThrowsAndLeavesTheFileAsItWas) {
  ScratchFolder folder;
  const std::filesystem::path path = folder / "out.zip";
  write_bytes(path, "previous");
  write_bytes(folder / "vanishing.bin", "soon gone");
  ZipArchive zip(path, "book.epub", 0);
  zip.add("a.txt", "text", ZipArchive::Compression::Deflate);
  zip.add_file("b.bin", folder / "vanishing.bin", ZipArchive::Compression::Store);
  std::filesystem::remove(folder / "vanishing.bin");  // libzip reads the file only during close
  try {
    zip.close();
    FAIL() << "no error";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), "book.epub");
    EXPECT_NE(std::string(error.what()).find("vanishing.bin"), std::string::npos) << error.what();
  }
  EXPECT_EQ(read_bytes(path), "previous");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder.path())) ++files;
  EXPECT_EQ(files, 1U);  // no temporary file left behind
}

TEST(ZipArchive, ArchiveDroppedWithoutCloseWritesNothing) {
  ScratchFolder folder;
  const std::filesystem::path path = folder / "out.zip";
  write_bytes(path, "previous");
  {
    ZipArchive zip(path, "out.zip", 0);
    zip.add("a.txt", "text", ZipArchive::Compression::Deflate);
  }
  EXPECT_EQ(read_bytes(path), "previous");
}

}  // namespace
}  // namespace pb::epub
