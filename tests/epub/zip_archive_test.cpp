#include "epub/zip_archive.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <atomic>
#include <cstdlib>
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
  std::filesystem::remove(folder / "vanishing.bin");  // the file is read only during close
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

// Reads an entry back through libzip, which checks its CRC as it reads.
std::string read_entry(zip_t* archive, const char* name) {
  zip_file_t* file = zip_fopen(archive, name, 0);
  if (!file) return "<missing>";
  std::string data;
  char buffer[65536];
  for (zip_int64_t got; (got = zip_fread(file, buffer, sizeof buffer)) > 0;)
    data.append(buffer, static_cast<std::size_t>(got));
  const int error = zip_error_code_zip(zip_file_get_error(file));
  zip_fclose(file);
  return error == ZIP_ER_OK ? data : "<error " + std::to_string(error) + ">";
}

std::string noise(std::size_t size, unsigned seed) {
  std::string data(size, '\0');
  for (char& c : data) {
    seed = seed * 1103515245u + 12345u;
    c = static_cast<char>(seed >> 16);
  }
  return data;
}

TEST(ZipArchive, EveryEntryReadsBackWithItsChecksum) {
  ScratchFolder folder;
  const std::string photo = noise(3 * 1024 * 1024 + 17, 1);  // several of the writer's blocks
  std::string page;
  for (int i = 0; page.size() < 2'500'000; ++i) page += "<p>Paragraph " + std::to_string(i) + " of the chapter.</p>\n";
  write_bytes(folder / "photo.jpg", photo);
  write_bytes(folder / "page.xhtml", page);
  write_bytes(folder / "empty.txt", "");
  const std::filesystem::path path = folder / "out.zip";
  {
    ZipArchive zip(path, "out.zip", 1714558830);
    zip.add("mimetype", "application/epub+zip", ZipArchive::Compression::Store);
    zip.add("tiny.txt", "a", ZipArchive::Compression::Deflate);
    zip.add("chapter.xhtml", page, ZipArchive::Compression::Deflate);
    zip.add("Kapitel-\xC3\xBC.xhtml", "umlaut", ZipArchive::Compression::Deflate);
    zip.add_file("photo.jpg", folder / "photo.jpg", ZipArchive::Compression::Store);
    zip.add_file("page-from-file.xhtml", folder / "page.xhtml", ZipArchive::Compression::Deflate);
    zip.add_file("empty.txt", folder / "empty.txt", ZipArchive::Compression::Deflate);
    zip.close();
  }
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  ASSERT_NE(archive, nullptr) << "libzip's consistency check refused the archive: " << error;
  EXPECT_EQ(read_entry(archive, "mimetype"), "application/epub+zip");
  EXPECT_EQ(read_entry(archive, "tiny.txt"), "a");
  EXPECT_EQ(read_entry(archive, "chapter.xhtml"), page);
  EXPECT_EQ(read_entry(archive, "Kapitel-\xC3\xBC.xhtml"), "umlaut");
  EXPECT_EQ(read_entry(archive, "photo.jpg"), photo);
  EXPECT_EQ(read_entry(archive, "page-from-file.xhtml"), page);
  EXPECT_EQ(read_entry(archive, "empty.txt"), "");
  zip_stat_t stat;
  ASSERT_EQ(zip_stat(archive, "chapter.xhtml", 0, &stat), 0);
  EXPECT_EQ(stat.comp_method, ZIP_CM_DEFLATE);
  EXPECT_LT(stat.comp_size * 5, stat.size) << "XHTML is really compressed";
  ASSERT_EQ(zip_stat(archive, "page-from-file.xhtml", 0, &stat), 0);
  EXPECT_LT(stat.comp_size * 5, stat.size);
  ASSERT_EQ(zip_stat(archive, "tiny.txt", 0, &stat), 0);
  EXPECT_EQ(stat.comp_method, ZIP_CM_STORE) << "deflating one byte would make it bigger";
  ASSERT_EQ(zip_stat(archive, "photo.jpg", 0, &stat), 0);
  EXPECT_EQ(stat.comp_method, ZIP_CM_STORE);
  zip_close(archive);

  // The OCF's rule for the first entry: "mimetype", stored, no extra field, its bytes at offset 38.
  const std::string bytes = read_bytes(path);
  EXPECT_EQ(bytes.substr(30, 8), "mimetype");
  EXPECT_EQ(bytes.substr(38, 20), "application/epub+zip");
  EXPECT_EQ(bytes[28], '\0');
  EXPECT_EQ(bytes[29], '\0');
  // Info-ZIP's own test of every entry, when it is installed.
  if (std::system("command -v unzip >/dev/null 2>&1") == 0) {
    const std::string command = "unzip -tqq '" + path.string() + "' >/dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << "unzip -t refused the archive";
  }
}

TEST(ZipArchive, TheSameEntriesGiveTheSameBytes) {
  ScratchFolder folder;
  write_bytes(folder / "image.png", noise(200000, 7));
  const auto build = [&](const std::string& name) {
    ZipArchive zip(folder / name, name, 1714558830);
    zip.add("mimetype", "application/epub+zip", ZipArchive::Compression::Store);
    zip.add("a.xhtml", std::string(50000, 'a') + "end", ZipArchive::Compression::Deflate);
    zip.add_file("image.png", folder / "image.png", ZipArchive::Compression::Store);
    zip.close();
    return read_bytes(folder / name);
  };
  EXPECT_EQ(build("one.zip"), build("two.zip"));
}

TEST(ZipArchive, GeneratedEntriesAreMadeDuringCloseAndKeepTheirPlace) {
  ScratchFolder folder;
  write_bytes(folder / "image.bin", "image bytes");
  const std::filesystem::path path = folder / "out.zip";
  std::atomic<int> made{0};
  {
    ZipArchive zip(path, "out.zip", 0);
    zip.add("mimetype", "application/epub+zip", ZipArchive::Compression::Store);
    zip.add_file("image.bin", folder / "image.bin", ZipArchive::Compression::Store);
    for (int i = 0; i < 20; ++i)
      zip.add_generated(
          "chapter-" + std::to_string(i) + ".xhtml",
          [i, &made] {
            ++made;
            return std::string(500, static_cast<char>('a' + i));
          },
          ZipArchive::Compression::Deflate);
    zip.add("last.txt", "last", ZipArchive::Compression::Deflate);
    EXPECT_EQ(made.load(), 0) << "made before close()";
    zip.close();
  }
  EXPECT_EQ(made.load(), 20);
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  ASSERT_EQ(zip_get_num_entries(archive, 0), 23);
  EXPECT_STREQ(zip_get_name(archive, 0, 0), "mimetype");
  EXPECT_STREQ(zip_get_name(archive, 1, 0), "image.bin");
  for (int i = 0; i < 20; ++i) {
    const std::string name = "chapter-" + std::to_string(i) + ".xhtml";
    EXPECT_EQ(zip_get_name(archive, static_cast<zip_uint64_t>(i + 2), 0), name);
    EXPECT_EQ(read_entry(archive, name.c_str()), std::string(500, static_cast<char>('a' + i)));
  }
  EXPECT_STREQ(zip_get_name(archive, 22, 0), "last.txt");
  EXPECT_EQ(read_entry(archive, "image.bin"), "image bytes");
  zip_close(archive);
}

TEST(ZipArchive, AGeneratedEntryThatFailsFailsCloseAndLeavesTheFileAsItWas) {
  ScratchFolder folder;
  const std::filesystem::path path = folder / "out.zip";
  write_bytes(path, "previous");
  ZipArchive zip(path, "book.epub", 0);
  zip.add("a.txt", "text", ZipArchive::Compression::Deflate);
  zip.add_generated(
      "nav.xhtml", []() -> std::string { throw BuildError("nav.xhtml", "cannot be made"); },
      ZipArchive::Compression::Deflate);
  zip.add_generated(
      "b.txt", [] { return std::string("fine"); }, ZipArchive::Compression::Deflate);
  try {
    zip.close();
    FAIL() << "no error";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), "nav.xhtml");
  }
  EXPECT_EQ(read_bytes(path), "previous");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder.path())) ++files;
  EXPECT_EQ(files, 1U);  // no temporary file left behind
}

}  // namespace
}  // namespace pb::epub
