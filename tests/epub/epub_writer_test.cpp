#include "epub/epub_writer.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <time.h>
#include <zip.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "book/test_support.h"
#include "book/xml_document.h"
#include "common/error.h"
#include "epub/sample_book.h"

namespace pb::epub {
namespace {

using pb::test::Contains;
using pb::test::XmlDocument;
using test::read_bytes;
using test::sample_book;
using test::ScratchFolder;
using test::write_bytes;

struct Entry {
  std::string name;
  std::uint16_t method = 0;
  std::string data;
};

std::vector<Entry> read_entries(const std::filesystem::path& path) {
  std::vector<Entry> entries;
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) {
    ADD_FAILURE() << "cannot open " << path << " as a ZIP: error " << error;
    return entries;
  }
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t stat;
    zip_stat_index(archive, index, 0, &stat);
    Entry entry{stat.name, stat.comp_method, std::string(stat.size, '\0')};
    zip_file_t* file = zip_fopen_index(archive, index, 0);
    if (file) {
      zip_fread(file, entry.data.data(), stat.size);
      zip_fclose(file);
    }
    entries.push_back(std::move(entry));
  }
  zip_close(archive);
  return entries;
}

std::size_t files_in(const std::filesystem::path& folder) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++count;
  return count;
}

class EpubWriterTest : public ::testing::Test {
 protected:
  ScratchFolder images;
  ScratchFolder out;
  book::Book book = sample_book(images);

  std::filesystem::path write(const std::string& name = "book.epub") {
    const std::filesystem::path path = out / name;
    write_epub(book, {path, std::nullopt});
    return path;
  }
};

TEST_F(EpubWriterTest, MimetypeComesFirstStoredAndExact) {
  const std::filesystem::path path = write();
  const std::vector<Entry> entries = read_entries(path);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].name, "mimetype");
  EXPECT_EQ(entries[0].method, ZIP_CM_STORE);
  EXPECT_EQ(entries[0].data, "application/epub+zip");
  const std::string bytes = read_bytes(path);
  ASSERT_GT(bytes.size(), 58U);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(bytes.substr(28, 2), std::string("\0\0", 2));  // no extra field
  EXPECT_EQ(bytes.substr(30, 28), "mimetypeapplication/epub+zip");
}

TEST_F(EpubWriterTest, EntriesInAFixedOrderWithTheRightCompression) {
  const std::vector<Entry> entries = read_entries(write());
  std::vector<std::string> names;
  for (const Entry& entry : entries) names.push_back(entry.name);
  // The images come right after the container: the documents are made while they are copied.
  EXPECT_EQ(names, (std::vector<std::string>{"mimetype", "META-INF/container.xml", "EPUB/images/img-001.png",
                                             "EPUB/images/cover.png", "EPUB/content.opf", "EPUB/nav.xhtml",
                                             "EPUB/toc.ncx", "EPUB/style.css", "EPUB/cover.xhtml", "EPUB/title.xhtml",
                                             "EPUB/chapter-01.xhtml", "EPUB/chapter-02.xhtml"}));
  for (const Entry& entry : entries) {
    const bool stored = entry.name == "mimetype" || entry.name.ends_with(".png");
    EXPECT_EQ(entry.method, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE) << entry.name;
  }
  EXPECT_EQ(entries[3].data, test::tiny_png());
}

TEST_F(EpubWriterTest, ManifestCoversEveryFileWritten) {
  const std::vector<Entry> entries = read_entries(write());
  std::map<std::string, std::string> files;
  for (const Entry& entry : entries) files[entry.name] = entry.data;
  const XmlDocument container(files["META-INF/container.xml"]);
  EXPECT_EQ(container.value("//c:rootfile/@full-path"), "EPUB/content.opf");
  const XmlDocument opf(files["EPUB/content.opf"]);
  ASSERT_TRUE(opf.well_formed());
  std::set<std::string> listed;
  for (const std::string& href : opf.values("//opf:manifest/opf:item/@href")) listed.insert("EPUB/" + href);
  std::set<std::string> written;
  for (const auto& [name, data] : files)
    if (name.starts_with("EPUB/") && name != "EPUB/content.opf") written.insert(name);
  EXPECT_EQ(listed, written);
  for (const auto& [name, data] : files) {
    if (name.ends_with(".xhtml") || name.ends_with(".opf") || name.ends_with(".ncx") || name.ends_with(".xml")) {
      EXPECT_TRUE(XmlDocument(data).well_formed()) << name;
    }
    if (name.ends_with(".xhtml")) {
      EXPECT_EQ(data.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n", 0), 0U) << name;
    }
  }
  EXPECT_TRUE(Contains(files["EPUB/chapter-01.xhtml"], "<img src=\"images/img-001.png\" alt=\"A red rectangle\""));
  EXPECT_TRUE(Contains(files["EPUB/chapter-01.xhtml"], "<a href=\"chapter-02.xhtml#later\">See part 2</a>"));
}

TEST_F(EpubWriterTest, BuiltInStylesheetOrTheUsersOwn) {
  std::vector<Entry> entries = read_entries(write());
  ASSERT_GT(entries.size(), 5U);
  EXPECT_EQ(entries[7].name, "EPUB/style.css");
  EXPECT_TRUE(Contains(entries[7].data, "figure"));
  EXPECT_TRUE(Contains(entries[7].data, "max-width: 100%"));

  write_bytes(images / "mine.css", "body { color: black; }\n");
  write_epub(book, {out / "custom.epub", images / "mine.css"});
  entries = read_entries(out / "custom.epub");
  ASSERT_GT(entries.size(), 5U);
  EXPECT_EQ(entries[7].data, "body { color: black; }\n");
}

TEST_F(EpubWriterTest, SameBookGivesTheSameBytes) {
  const std::string first = read_bytes(write("one.epub"));
  const std::string second = read_bytes(write("two.epub"));
  EXPECT_FALSE(first.empty());
  EXPECT_TRUE(first == second);
  // The image files' own timestamps and modes do not leak into the archive.
  std::filesystem::last_write_time(book.resources[0].path, std::filesystem::file_time_type::clock::now());
  std::filesystem::permissions(book.resources[0].path, std::filesystem::perms::owner_all);
  EXPECT_TRUE(read_bytes(write("three.epub")) == first);
}

TEST_F(EpubWriterTest, TimeZoneDoesNotChangeTheBytes) {
  const char* previous = getenv("TZ");
  const std::optional<std::string> saved = previous ? std::optional<std::string>(previous) : std::nullopt;
  setenv("TZ", "UTC", 1);
  tzset();
  const std::string utc = read_bytes(write("utc.epub"));
  setenv("TZ", "America/New_York", 1);
  tzset();
  const std::string new_york = read_bytes(write("ny.epub"));
  setenv("TZ", "Asia/Kolkata", 1);
  tzset();
  const std::string kolkata = read_bytes(write("in.epub"));
  if (saved) {
    setenv("TZ", saved->c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  EXPECT_TRUE(utc == new_york);
  EXPECT_TRUE(utc == kolkata);
}

TEST_F(EpubWriterTest, DifferentModificationTimeChangesTheBytes) {
  const std::string first = read_bytes(write("one.epub"));
  book.modified += 3600;
  EXPECT_FALSE(read_bytes(write("two.epub")) == first);
}

TEST_F(EpubWriterTest, BookWithoutCoverOrImages) {
  book.cover = {};
  book.resources.clear();
  const std::vector<Entry> entries = read_entries(write());
  for (const Entry& entry : entries) {
    EXPECT_NE(entry.name, "EPUB/cover.xhtml");
    EXPECT_FALSE(entry.name.starts_with("EPUB/images/")) << entry.name;
  }
  EXPECT_EQ(entries.size(), 9U);
}

TEST_F(EpubWriterTest, MissingImageFailsAndKeepsThePreviousBook) {
  const std::filesystem::path path = out / "book.epub";
  write_bytes(path, "the previous book");
  book.resources[0].path = images / "does-not-exist.png";
  try {
    write_epub(book, {path, std::nullopt});
    FAIL() << "no error";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), path.string());
    EXPECT_TRUE(Contains(error.what(), "does-not-exist.png"));
  }
  EXPECT_EQ(read_bytes(path), "the previous book");
  EXPECT_EQ(files_in(out.path()), 1U);
}

TEST_F(EpubWriterTest, ImageThatIsAFolderFailsAndKeepsThePreviousBook) {
  const std::filesystem::path path = out / "book.epub";
  write_bytes(path, "the previous book");
  book.resources[1].path = images.path();
  EXPECT_THROW(write_epub(book, {path, std::nullopt}), BuildError);
  EXPECT_EQ(read_bytes(path), "the previous book");
  EXPECT_EQ(files_in(out.path()), 1U);
}

TEST_F(EpubWriterTest, OutputInAMissingFolderFails) {
  const std::filesystem::path path = out / "no-such-folder" / "book.epub";
  try {
    write_epub(book, {path, std::nullopt});
    FAIL() << "no error";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), path.string());
  }
  EXPECT_EQ(files_in(out.path()), 0U);
}

TEST_F(EpubWriterTest, UnreadableStylesheetFailsAndKeepsThePreviousBook) {
  const std::filesystem::path path = out / "book.epub";
  write_bytes(path, "the previous book");
  for (const std::filesystem::path& css : {images / "missing.css", images.path()}) {
    try {
      write_epub(book, {path, css});
      FAIL() << "no error for " << css;
    } catch (const BuildError& error) {
      EXPECT_EQ(error.origin(), css.string());
      EXPECT_TRUE(Contains(error.what(), "stylesheet"));
    }
  }
  EXPECT_EQ(read_bytes(path), "the previous book");
  EXPECT_EQ(files_in(out.path()), 1U);
}

TEST_F(EpubWriterTest, ReplacesAnExistingBook) {
  const std::filesystem::path path = out / "book.epub";
  write_bytes(path, "the previous book");
  write_epub(book, {path, std::nullopt});
  EXPECT_EQ(read_bytes(path).substr(30, 28), "mimetypeapplication/epub+zip");
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                std::filesystem::perms::group_read | std::filesystem::perms::others_read);
  EXPECT_EQ(files_in(out.path()), 1U);
}

}  // namespace
}  // namespace pb::epub
