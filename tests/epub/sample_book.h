// A small book that uses every part of the EPUB writer: two chapters with level-2 headings, an
// embedded PNG figure, a missing image, a cover, series information; and a scratch folder.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>

#include "book/model.h"
#include "book/model_builders.h"

namespace pb::epub::test {

// A folder under the system temp folder, removed with everything in it.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pb-epub-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// A real 4x3 RGB PNG.
inline std::string tiny_png() {
  static constexpr std::array<unsigned char, 77> bytes = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x03, 0x08, 0x02, 0x00, 0x00, 0x00, 0x3b, 0x96, 0x39,
      0x91, 0x00, 0x00, 0x00, 0x14, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x3c, 0x21, 0x27, 0xc7,
      0x00, 0x03, 0x4c, 0x0c, 0x48, 0x00, 0x85, 0x03, 0x00, 0x26, 0xda, 0x01, 0x0a, 0x90, 0xd4, 0xdc,
      0x34, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

inline book::Resource png_resource(const ScratchFolder& folder, const std::string& id) {
  book::Resource resource;
  resource.id = id;
  resource.path = folder / (id + ".png");
  resource.media_type = "image/png";
  resource.extension = "png";
  resource.width = 4;
  resource.height = 3;
  write_bytes(resource.path, tiny_png());
  resource.size = std::filesystem::file_size(resource.path);
  return resource;
}

inline book::Book sample_book(const ScratchFolder& folder) {
  using namespace book::test;
  book::Book book;
  book.title = "What Am I Missing";
  book.authors = {"Ann Author", "Bob Writer"};
  book.language = "en";
  book.identifier = "urn:uuid:6f1c0a9e-2b1f-5c3a-9d7e-0a1b2c3d4e5f";
  book.publisher = "blog.example.com";
  book.source = "https://blog.example.com/";
  book.description = "Two posts & a picture.";
  book.subjects = {"Essays", "Software"};
  book.date = "2024-04-12";
  book.modified = 1714558830;  // 2024-05-01T10:20:30Z
  book.series = book::SeriesInfo{"Missing Things", "urn:uuid:11111111-2222-5333-8444-555555555555", 2};

  book::Chapter first;
  first.id = "chapter-01";
  first.title = "Part 1: The start";
  first.title_id = "title";
  first.author = "Ann Author";
  first.date = "2024-04-12";
  first.source_url = "https://blog.example.com/part-1/";
  first.blocks = {p({t("Opening & welcome.")}),
                  h(2, {t("First section")}, "first-section"),
                  figure("img-001", "A red rectangle", {t("A caption")}),
                  h(3, {t("Deeper")}, "deeper"),
                  h(2, {t("Second "), em({t("section")})}, "second-section"),
                  p({internal_link(1, "later", {t("See part 2")})})};
  book::Chapter second;
  second.id = "chapter-02";
  second.title = "Part 2: The end";
  second.title_id = "title";
  second.author = "Bob Writer";
  second.date = "2024-04-19";
  second.source_url = "https://blog.example.com/part-2/";
  second.blocks = {h(2, {t("Later")}, "later"), figure("", "A lost photo", {}, "HTTP 404"),
                   p({internal_link(0, "first-section", {t("Back")})})};
  book.chapters = {first, second};

  book.resources.push_back(png_resource(folder, "img-001"));
  book.resources.push_back(png_resource(folder, "cover"));
  book.cover.source = "https://blog.example.com/cover.png";
  book.cover.resource = "cover";
  book.cover.alt = "";
  return book;
}

}  // namespace pb::epub::test
