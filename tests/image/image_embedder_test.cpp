// embed_images(): every image of a book becomes a resource (copied byte for byte when it is a
// JPEG or PNG that fits, converted otherwise) or a failure with a reason and a warning; the same
// source is one resource; a book without a cover gets a generated one.
#include "image/image_embedder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "common/temp_dir.h"
#include "image/image_bytes.h"
#include "image/image_header.h"
#include "image/test_images.h"

namespace pb::image {
namespace {

namespace fs = std::filesystem;

namespace bytes = pb::testing::image_bytes;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

book::Block figure(const std::string& source, const std::string& alt) {
  book::Figure node;
  node.image.source = source;
  node.image.alt = alt;
  return book::Block{std::move(node)};
}

class ImageEmbedderTest : public ::testing::Test {
 protected:
  ImageEmbedderTest() {
    book_.title = "A Book of Pictures";
    book_.authors = {"Ada Writer"};
    book_.publisher = "pictures.example.org";
    book_.chapters.push_back(book::Chapter{});
    book_.chapters.back().id = "chapter-01";
    options_.work_dir = work_.path();
    options_.generate_cover = false;
  }

  fs::path file(const std::string& name, const std::string& content) {
    const fs::path path = inputs_.path() / name;
    test::write_bytes(path, content);
    return path;
  }
  void add(const std::string& source, const std::string& alt = "an image") {
    book_.chapters.back().blocks.push_back(figure(source, alt));
  }
  std::vector<book::ImageRef*> images() {
    std::vector<book::ImageRef*> found;
    book::for_each_image(book_, [&](book::ImageRef& image) { found.push_back(&image); });
    return found;
  }
  const book::Resource* resource_of(const book::ImageRef& image) const {
    return image.resource.empty() ? nullptr : book_.find_resource(image.resource);
  }
  EmbedReport embed() { return embed_images(book_, options_, diagnostics_); }
  std::vector<std::string> warnings_containing(const std::string& part) const {
    std::vector<std::string> found;
    for (const std::string& warning : diagnostics_.warnings())
      if (contains(warning, part)) found.push_back(warning);
    return found;
  }

  TempDir inputs_;
  TempDir work_;
  book::Book book_;
  EmbedOptions options_;
  Diagnostics diagnostics_;
};

TEST_F(ImageEmbedderTest, JpegAndPngThatFitAreCopiedByteForByte) {
  const fs::path jpeg = test::jpeg(inputs_.path(), "photo.jpg", 800, 600);
  const fs::path png = test::png(inputs_.path(), "diagram.png", 640, 480, true);
  const std::string jpeg_bytes = test::read_bytes(jpeg);
  add(jpeg.string());
  add(png.string());
  const EmbedReport report = embed();
  EXPECT_EQ(report.embedded, 2u);
  EXPECT_EQ(report.converted, 0u);
  EXPECT_TRUE(report.failures.empty());
  const auto found = images();
  const book::Resource* photo = resource_of(*found[0]);
  const book::Resource* diagram = resource_of(*found[1]);
  ASSERT_NE(photo, nullptr);
  ASSERT_NE(diagram, nullptr);
  EXPECT_EQ(photo->path, jpeg) << "the original file, not a re-encoded copy";
  EXPECT_EQ(diagram->path, png);
  EXPECT_EQ(test::read_bytes(photo->path), jpeg_bytes);
  EXPECT_EQ(photo->media_type, "image/jpeg");
  EXPECT_EQ(photo->extension, "jpg");
  EXPECT_EQ(photo->width, 800);
  EXPECT_EQ(photo->height, 600);
  EXPECT_EQ(photo->size, fs::file_size(jpeg));
  EXPECT_EQ(diagram->media_type, "image/png");
  EXPECT_EQ(diagram->extension, "png");
  EXPECT_TRUE(found[0]->failure.empty());
  EXPECT_TRUE(fs::is_empty(work_.path())) << "nothing was converted";
  EXPECT_TRUE(diagnostics_.warnings().empty());
}

TEST_F(ImageEmbedderTest, EveryOtherFormatIsConvertedToJpegOrPng) {
  const std::array<bytes::Rgba, 4> palette = {{{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}}};
  add(test::webp(inputs_.path(), "a.webp", 100, 50, false).string());
  add(test::webp(inputs_.path(), "b.webp", 100, 50, true).string());
  add(file("c.gif", bytes::gif(20, 10, palette, {std::vector<std::uint8_t>(200, 1)})).string());
  add(test::gif(inputs_.path(), "d.gif", 30, 20, 3).string());
  add(file("e.svg", bytes::svg(60, 40)).string());
  add(test::tiff(inputs_.path(), "f.tif", 70, 35).string());
  add(file("g.bmp", bytes::bmp(16, 8, [](int, int) { return bytes::Rgba{1, 2, 3, 255}; })).string());
  add(test::png16(inputs_.path(), "h.png", 40, 40).string());
  const EmbedReport report = embed();
  EXPECT_TRUE(report.failures.empty()) << report.failures.front();
  EXPECT_EQ(report.embedded, 8u);
  EXPECT_GE(report.converted, 7u);
  const std::vector<std::pair<int, int>> sizes = {{100, 50}, {100, 50}, {20, 10}, {30, 20},
                                                  {60, 40},  {70, 35},  {16, 8},  {40, 40}};
  const auto found = images();
  for (std::size_t i = 0; i < found.size(); ++i) {
    const book::Resource* resource = resource_of(*found[i]);
    ASSERT_NE(resource, nullptr) << found[i]->source << ": " << found[i]->failure;
    const Format format = sniff(test::read_bytes(resource->path));
    EXPECT_TRUE(format == Format::Jpeg || format == Format::Png) << found[i]->source;
    EXPECT_EQ(resource->media_type, media_type(format)) << found[i]->source;
    EXPECT_EQ(resource->extension, extension(format)) << found[i]->source;
    EXPECT_EQ(resource->width, sizes[i].first) << found[i]->source;
    EXPECT_EQ(resource->height, sizes[i].second) << found[i]->source;
    EXPECT_EQ(resource->size, fs::file_size(resource->path));
  }
  EXPECT_EQ(resource_of(*found[0])->media_type, "image/jpeg") << "opaque WebP";
  EXPECT_EQ(resource_of(*found[1])->media_type, "image/png") << "WebP with alpha";
  EXPECT_EQ(resource_of(*found[4])->media_type, "image/png") << "SVG on a transparent background";
  EXPECT_EQ(resource_of(*found[6])->media_type, "image/jpeg") << "BMP";
  std::set<fs::path> paths;
  for (const book::Resource& resource : book_.resources) EXPECT_TRUE(paths.insert(resource.path).second);
}

TEST_F(ImageEmbedderTest, AnOversizedImageIsScaledToTheMaximumWidthKeepingItsAspect) {
  add(test::jpeg(inputs_.path(), "big.jpg", 4000, 3000).string());
  add(test::png(inputs_.path(), "wide.png", 2000, 500, false).string());
  options_.limits.max_width = 1000;
  const EmbedReport report = embed();
  EXPECT_EQ(report.converted, 2u);
  const auto found = images();
  const book::Resource* big = resource_of(*found[0]);
  ASSERT_NE(big, nullptr);
  EXPECT_EQ(big->width, 1000);
  EXPECT_EQ(big->height, 750);
  EXPECT_EQ(big->media_type, "image/jpeg");
  const auto header = read_header(test::read_bytes(big->path));
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->width, 1000);
  EXPECT_EQ(header->height, 750);
  const book::Resource* wide = resource_of(*found[1]);
  ASSERT_NE(wide, nullptr);
  EXPECT_EQ(wide->width, 1000);
  EXPECT_EQ(wide->height, 250);
  EXPECT_NE(wide->path, inputs_.path() / "wide.png");
}

TEST_F(ImageEmbedderTest, ACmykJpegIsConvertedToSrgbEvenWhenItFits) {
  const fs::path cmyk = test::cmyk_jpeg(inputs_.path(), "print.jpg", 200, 100);
  add(cmyk.string());
  const EmbedReport report = embed();
  EXPECT_EQ(report.converted, 1u);
  const book::Resource* resource = resource_of(*images()[0]);
  ASSERT_NE(resource, nullptr);
  EXPECT_NE(resource->path, cmyk);
  EXPECT_EQ(resource->media_type, "image/jpeg");
  const auto seen = test::inspect(resource->path);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->bands, 3);
  EXPECT_EQ(seen->interpretation, VIPS_INTERPRETATION_sRGB);
  EXPECT_FALSE(read_header(test::read_bytes(resource->path))->cmyk);
}

TEST_F(ImageEmbedderTest, FilesThatAreNotWholeImagesBecomeFailuresWithReasons) {
  const std::string whole_jpeg = test::read_bytes(test::jpeg(inputs_.path(), "whole.jpg", 600, 400));
  const std::string whole_png = test::read_bytes(test::png(inputs_.path(), "whole.png", 300, 300, false));
  const fs::path html =
      file("page.jpg", "<!DOCTYPE html>\n<html><head><title>Oops</title></head><body>404</body></html>");
  const fs::path empty = file("empty.png", "");
  const fs::path cut_jpeg = file("cut.jpg", whole_jpeg.substr(0, whole_jpeg.size() * 2 / 3));
  const fs::path cut_png = file("cut.png", whole_png.substr(0, whole_png.size() / 2));
  const fs::path unknown = file("notes.gif", "just some text, not a picture");
  for (const fs::path& path : {html, empty, cut_jpeg, cut_png, unknown}) add(path.string());
  const EmbedReport report = embed();
  EXPECT_EQ(report.embedded, 0u);
  EXPECT_EQ(report.failures.size(), 5u);
  const std::vector<std::string> expected = {"HTML", "empty", "truncated", "truncated", "not an image"};
  const auto found = images();
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_TRUE(found[i]->resource.empty()) << found[i]->source;
    EXPECT_TRUE(contains(found[i]->failure, expected[i])) << found[i]->source << ": " << found[i]->failure;
    const auto warnings = warnings_containing(found[i]->source);
    ASSERT_EQ(warnings.size(), 1u) << "one warning naming " << found[i]->source;
    EXPECT_TRUE(contains(warnings[0], found[i]->failure)) << warnings[0];
  }
  EXPECT_TRUE(book_.resources.empty());
}

// Regression (was a bug): looks_complete() in src/image/image_embedder.cpp wants the JPEG end marker (FF D9) in the
// last 1024 bytes, so a whole JPEG followed by more than 1 KB of trailing data is called
// "the JPEG file is truncated" and dropped. Phones write exactly that: Motion Photos (Google,
// Samsung) append an MP4 after the JPEG's end marker, other cameras append maker data. libvips
// and every reader show such files. Expected: embedded; actual: failure "truncated".
TEST_F(ImageEmbedderTest, AJpegWithDataAfterItsEndIsWhole) {
  const std::string jpeg = test::read_bytes(test::jpeg(inputs_.path(), "photo.jpg", 400, 300));
  add(file("motion-photo.jpg", jpeg + std::string(4096, 'M')).string());
  const EmbedReport report = embed();
  EXPECT_TRUE(report.failures.empty()) << report.failures.front();
  EXPECT_FALSE(images()[0]->resource.empty()) << images()[0]->failure;
}

// Regression (was a bug): the embedder reads only the first 1 MB for read_header(); a JPEG whose frame header comes
// after more than 1 MB of metadata (APP segments: XMP, ICC, Photoshop previews) gets no header
// and is failed as "the JPEG file is damaged" although libvips reads it. Suspected place:
// prepare() in src/image/image_embedder.cpp (a JPEG/PNG without a readable header could go to
// convert_image() instead of failing).
TEST_F(ImageEmbedderTest, AJpegWithMoreThanAMegabyteOfMetadataIsNotDamaged) {
  std::string jpeg = bytes::jpeg_rgb(64, 48);
  std::string segments;
  for (int i = 0; i < 20; ++i) segments += std::string("\xFF\xEC\xFF\xFF", 4) + std::string(65533, 'd');  // APP12
  jpeg.insert(2, segments);
  const fs::path input = file("metadata-heavy.jpg", jpeg);
  ASSERT_TRUE(test::inspect(input).has_value()) << "libvips reads it";
  add(input.string());
  const EmbedReport report = embed();
  EXPECT_TRUE(report.failures.empty()) << report.failures.front();
  EXPECT_FALSE(images()[0]->resource.empty()) << images()[0]->failure;
}

TEST_F(ImageEmbedderTest, ATruncatedOversizedJpegFailsInConversion) {
  const std::string whole = test::read_bytes(test::jpeg(inputs_.path(), "whole.jpg", 2400, 1800));
  add(file("cut-big.jpg", whole.substr(0, whole.size() / 2)).string());
  const EmbedReport report = embed();
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_FALSE(images()[0]->failure.empty());
  EXPECT_TRUE(images()[0]->resource.empty());
}

TEST_F(ImageEmbedderTest, ADecompressionBombIsRefusedQuickly) {
  add(file("bomb.png", bytes::png_bomb(50000, 50000)).string(), "a bomb");
  const auto start = std::chrono::steady_clock::now();
  const EmbedReport report = embed();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_TRUE(contains(images()[0]->failure, "megapixels")) << images()[0]->failure;
  EXPECT_TRUE(contains(report.failures[0], "bomb.png")) << report.failures[0];
}

TEST_F(ImageEmbedderTest, TheSameImageUsedTwiceIsOneResource) {
  const fs::path jpeg = test::jpeg(inputs_.path(), "twice.jpg", 100, 100);
  const fs::path webp = test::webp(inputs_.path(), "twice.webp", 100, 100, false);
  add(jpeg.string(), "first");
  add(webp.string(), "other");
  book_.chapters.push_back(book::Chapter{});
  book_.chapters.back().id = "chapter-02";
  add(jpeg.string(), "second");
  add(webp.string(), "again");
  const EmbedReport report = embed();
  EXPECT_EQ(report.embedded, 2u);
  EXPECT_EQ(report.converted, 1u) << "the WebP was converted once";
  EXPECT_EQ(book_.resources.size(), 2u);
  const auto found = images();
  EXPECT_EQ(found[0]->resource, found[2]->resource);
  EXPECT_EQ(found[1]->resource, found[3]->resource);
  EXPECT_NE(found[0]->resource, found[1]->resource);
  EXPECT_EQ(found[2]->alt, "second") << "each figure keeps its own alt text";
}

TEST_F(ImageEmbedderTest, DataUriImagesAreDecoded) {
  const std::string png = bytes::png(12, 6, true, [](int x, int) {
    return bytes::Rgba{200, 10, static_cast<std::uint8_t>(x), 128};
  });
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string base64;
  for (std::size_t i = 0; i < png.size(); i += 3) {
    const std::uint32_t group =
        static_cast<std::uint32_t>(static_cast<unsigned char>(png[i])) << 16 |
        (i + 1 < png.size() ? static_cast<std::uint32_t>(static_cast<unsigned char>(png[i + 1])) << 8 : 0) |
        (i + 2 < png.size() ? static_cast<unsigned char>(png[i + 2]) : 0);
    base64 += kAlphabet[(group >> 18) & 63];
    base64 += kAlphabet[(group >> 12) & 63];
    base64 += i + 1 < png.size() ? kAlphabet[(group >> 6) & 63] : '=';
    base64 += i + 2 < png.size() ? kAlphabet[group & 63] : '=';
  }
  add("data:image/png;base64," + base64, "inline PNG");
  add("data:image/"
      "svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20width%3D%2240%22%20height%3D%2220%22"
      "%3E%3Crect%20width%3D%2240%22%20height%3D%2210%22%20fill%3D%22red%22%2F%3E%3C%2Fsvg%3E",
      "inline SVG");
  add("data:image/png;base64,bm90IGFuIGltYWdl", "inline garbage");  // "not an image"
  const EmbedReport report = embed();
  const auto found = images();
  const book::Resource* inline_png = resource_of(*found[0]);
  ASSERT_NE(inline_png, nullptr) << found[0]->failure;
  EXPECT_EQ(test::read_bytes(inline_png->path), png) << "decoded and copied byte for byte";
  EXPECT_EQ(inline_png->width, 12);
  const book::Resource* inline_svg = resource_of(*found[1]);
  ASSERT_NE(inline_svg, nullptr) << found[1]->failure;
  EXPECT_EQ(inline_svg->media_type, "image/png");
  EXPECT_EQ(inline_svg->width, 40);
  EXPECT_EQ(inline_svg->height, 20);
  EXPECT_TRUE(found[2]->resource.empty());
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_TRUE(contains(report.failures[0], "inline data: image")) << report.failures[0];
  EXPECT_FALSE(contains(report.failures[0], "bm90")) << "the warning does not quote the data";
}

TEST_F(ImageEmbedderTest, RemoteImagesComeThroughTheFetchFunctionOnce) {
  const fs::path downloaded = test::jpeg(inputs_.path(), "body.jpg", 300, 200);
  std::vector<std::vector<std::string>> calls;
  options_.fetch = [&](const std::vector<std::string>& urls) {
    calls.push_back(urls);
    std::vector<FetchedImage> result;
    for (const std::string& url : urls) {
      FetchedImage image;
      if (contains(url, "good"))
        image.file = downloaded;
      else
        image.error = "HTTP 404 Not Found";
      result.push_back(std::move(image));
    }
    return result;
  };
  add("https://img.example.org/good.jpg", "good");
  add("https://img.example.org/missing.jpg", "missing");
  add("https://img.example.org/good.jpg", "good again");
  const EmbedReport report = embed();
  ASSERT_EQ(calls.size(), 1u) << "one batch for the whole book";
  EXPECT_EQ(calls[0],
            (std::vector<std::string>{"https://img.example.org/good.jpg", "https://img.example.org/missing.jpg"}));
  const auto found = images();
  const book::Resource* good = resource_of(*found[0]);
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(good->path, downloaded) << "a fitting JPEG is used from the cache as it is";
  EXPECT_EQ(found[2]->resource, found[0]->resource);
  EXPECT_EQ(found[1]->failure, "HTTP 404 Not Found");
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0], "https://img.example.org/missing.jpg: HTTP 404 Not Found");
  EXPECT_EQ(warnings_containing("https://img.example.org/missing.jpg").size(), 1u);
}

TEST_F(ImageEmbedderTest, WhatTheFetcherPreparedIsUsedAsItIs) {
  const fs::path webp = test::webp(inputs_.path(), "body.webp", 300, 200, false);
  const fs::path made_ahead = test::jpeg(inputs_.path(), "made-ahead.jpg", 300, 200);
  int asked = 0;
  options_.fetch = [&](const std::vector<std::string>& urls) {
    std::vector<FetchedImage> result;
    for (const std::string& url : urls) {
      FetchedImage image;
      image.file = webp;
      if (contains(url, "ahead"))
        image.prepared = [&] {
          ++asked;
          PreparedImage prepared;
          prepared.file = made_ahead;
          prepared.format = Format::Jpeg;
          prepared.width = 300;
          prepared.height = 200;
          prepared.converted = true;
          return prepared;
        };
      result.push_back(std::move(image));
    }
    return result;
  };
  add("https://img.example.org/ahead.webp", "prepared by the fetcher");
  add("https://img.example.org/plain.webp", "left to the embedder");
  const EmbedReport report = embed();
  EXPECT_TRUE(report.failures.empty());
  EXPECT_EQ(report.converted, 2u);
  EXPECT_EQ(asked, 1);
  const auto found = images();
  const book::Resource* ahead = resource_of(*found[0]);
  ASSERT_NE(ahead, nullptr);
  EXPECT_EQ(ahead->path, made_ahead) << "not converted a second time";
  const book::Resource* plain = resource_of(*found[1]);
  ASSERT_NE(plain, nullptr) << found[1]->failure;
  EXPECT_NE(plain->path, made_ahead);
  EXPECT_EQ(plain->media_type, "image/jpeg") << "converted by the embedder";
}

TEST_F(ImageEmbedderTest, AFailureTheFetcherFoundWhilePreparingIsReported) {
  const fs::path page = file("page.html", "<!DOCTYPE html><html><body>Not found</body></html>");
  options_.fetch = [&](const std::vector<std::string>& urls) {
    std::vector<FetchedImage> result;
    for (std::size_t i = 0; i < urls.size(); ++i) {
      FetchedImage image;
      image.file = page;
      image.prepared = [] {
        PreparedImage prepared;
        prepared.failure = "not an image: the server sent an HTML page";
        return prepared;
      };
      result.push_back(std::move(image));
    }
    return result;
  };
  add("https://img.example.org/soft-404.jpg");
  const EmbedReport report = embed();
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0], "https://img.example.org/soft-404.jpg: not an image: the server sent an HTML page");
  EXPECT_TRUE(images()[0]->resource.empty());
}

TEST_F(ImageEmbedderTest, WithoutAFetchFunctionRemoteImagesAreNotDownloaded) {
  add("https://img.example.org/a.jpg");
  const EmbedReport report = embed();
  EXPECT_EQ(report.failures.size(), 1u);
  EXPECT_FALSE(images()[0]->failure.empty());
  EXPECT_TRUE(images()[0]->resource.empty());
}

TEST_F(ImageEmbedderTest, ACoverIsGeneratedWhenTheBookHasNone) {
  options_.generate_cover = true;
  add(test::jpeg(inputs_.path(), "photo.jpg", 100, 80).string());
  const EmbedReport report = embed();
  EXPECT_TRUE(report.generated_cover);
  ASSERT_FALSE(book_.cover.resource.empty());
  const book::Resource* cover = book_.find_resource(book_.cover.resource);
  ASSERT_NE(cover, nullptr);
  EXPECT_EQ(cover->media_type, "image/jpeg");
  EXPECT_EQ(cover->width, 1200);
  EXPECT_EQ(cover->height, 1800);
  const auto header = read_header(test::read_bytes(cover->path));
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->width, 1200);
  EXPECT_EQ(header->height, 1800);
  EXPECT_FALSE(book_.cover.alt.empty());
  EXPECT_EQ(report.embedded, 2u);
  EXPECT_NE(images()[0]->resource, book_.cover.resource);
}

TEST_F(ImageEmbedderTest, NoCoverIsGeneratedWhenTheBookHasAFeaturedImage) {
  options_.generate_cover = true;
  const fs::path featured = test::jpeg(inputs_.path(), "featured.jpg", 600, 900);
  book_.cover.source = featured.string();
  book_.cover.alt = "The featured image";
  const EmbedReport report = embed();
  EXPECT_FALSE(report.generated_cover);
  const book::Resource* cover = book_.find_resource(book_.cover.resource);
  ASSERT_NE(cover, nullptr);
  EXPECT_EQ(cover->path, featured);
  EXPECT_EQ(cover->width, 600);
  EXPECT_EQ(book_.resources.size(), 1u);
}

TEST_F(ImageEmbedderTest, AFeaturedImageAlsoShownInAPostIsOneResource) {
  options_.generate_cover = true;
  const fs::path featured = test::jpeg(inputs_.path(), "featured.jpg", 600, 900);
  book_.cover.source = featured.string();
  add(featured.string(), "the same picture in the text");
  embed();
  EXPECT_EQ(book_.resources.size(), 1u);
  EXPECT_EQ(images()[0]->resource, book_.cover.resource);
}

TEST_F(ImageEmbedderTest, AFeaturedImageThatFailsGivesAGeneratedCoverAndAWarning) {
  options_.generate_cover = true;
  book_.cover.source = file("featured.jpg", "<html><body>gone</body></html>").string();
  const EmbedReport report = embed();
  EXPECT_TRUE(report.generated_cover);
  const book::Resource* cover = book_.find_resource(book_.cover.resource);
  ASSERT_NE(cover, nullptr);
  EXPECT_EQ(cover->width, 1200);
  EXPECT_EQ(warnings_containing("featured.jpg").size(), 1u);
}

// build_one starts drawing the cover while the chapters convert (EmbedOptions::cover_drawn_ahead);
// the embedder takes that cover instead of drawing one, and only when the book has no cover.
TEST_F(ImageEmbedderTest, ACoverDrawnAheadIsTheOneUsed) {
  options_.generate_cover = true;
  const fs::path drawn = test::jpeg(inputs_.path(), "drawn-ahead.jpg", 1200, 1800);
  int asked = 0;
  options_.cover_drawn_ahead = [&] {
    ++asked;
    ConvertedImage cover;
    cover.file = drawn;
    cover.format = Format::Jpeg;
    cover.width = 1200;
    cover.height = 1800;
    return Conversion(cover);
  };
  add(test::jpeg(inputs_.path(), "photo.jpg", 100, 80).string());
  const EmbedReport report = embed();
  EXPECT_EQ(asked, 1);
  EXPECT_TRUE(report.generated_cover);
  const book::Resource* cover = book_.find_resource(book_.cover.resource);
  ASSERT_NE(cover, nullptr);
  EXPECT_EQ(cover->path, drawn);
}

TEST_F(ImageEmbedderTest, ACoverDrawnAheadIsNotUsedForABookWithAFeaturedImage) {
  options_.generate_cover = true;
  int asked = 0;
  options_.cover_drawn_ahead = [&] {
    ++asked;
    return Conversion(std::string("should not be asked"));
  };
  const fs::path featured = test::jpeg(inputs_.path(), "featured.jpg", 600, 900);
  book_.cover.source = featured.string();
  const EmbedReport report = embed();
  EXPECT_EQ(asked, 0);
  EXPECT_FALSE(report.generated_cover);
  ASSERT_NE(book_.find_resource(book_.cover.resource), nullptr);
  EXPECT_EQ(book_.find_resource(book_.cover.resource)->path, featured);
}

TEST_F(ImageEmbedderTest, ACoverDrawnAheadThatFailedIsAWarningAndNoCover) {
  options_.generate_cover = true;
  options_.cover_drawn_ahead = [] { return Conversion(std::string("no usable font")); };
  const EmbedReport report = embed();
  EXPECT_FALSE(report.generated_cover);
  EXPECT_TRUE(book_.cover.resource.empty());
  EXPECT_EQ(warnings_containing("no usable font").size(), 1u);
}

TEST_F(ImageEmbedderTest, NoCoverWhenGenerationIsOff) {
  add(test::jpeg(inputs_.path(), "photo.jpg", 100, 80).string());
  const EmbedReport report = embed();
  EXPECT_FALSE(report.generated_cover);
  EXPECT_TRUE(book_.cover.resource.empty());
  EXPECT_EQ(book_.resources.size(), 1u);
}

TEST_F(ImageEmbedderTest, ImagesWithoutAltAreListedInOneWarning) {
  const fs::path a = test::jpeg(inputs_.path(), "no-alt-a.jpg", 50, 50);
  const fs::path b = test::png(inputs_.path(), "no-alt-b.png", 50, 50, false);
  const fs::path c = test::jpeg(inputs_.path(), "with-alt.jpg", 50, 50);
  add(a.string(), "");
  add(b.string(), "");
  add(c.string(), "A described picture");
  add(file("broken.jpg", "").string(), "");  // failed images show no image: not listed
  embed();
  const auto warnings = warnings_containing("alt");
  ASSERT_EQ(warnings.size(), 1u) << "one warning for all images without alt text";
  EXPECT_TRUE(contains(warnings[0], "2 image")) << warnings[0];
  EXPECT_TRUE(contains(warnings[0], a.string())) << warnings[0];
  EXPECT_TRUE(contains(warnings[0], b.string())) << warnings[0];
  EXPECT_FALSE(contains(warnings[0], c.string())) << warnings[0];
  EXPECT_FALSE(contains(warnings[0], "broken.jpg")) << warnings[0];
  EXPECT_EQ(images()[0]->alt, "") << "alt stays empty: a decorative image";
}

TEST_F(ImageEmbedderTest, AManyImagesWithoutAltWarningIsShortened) {
  const std::string jpeg = test::read_bytes(test::jpeg(inputs_.path(), "base.jpg", 20, 20));
  for (int i = 0; i < 14; ++i)
    add(file("n" + std::to_string(i) + ".jpg", jpeg + std::string(static_cast<std::size_t>(i), '\0')).string(), "");
  embed();
  const auto warnings = warnings_containing("alt");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(contains(warnings[0], "14 image")) << warnings[0];
  EXPECT_TRUE(contains(warnings[0], "and 4 more")) << warnings[0];
  EXPECT_FALSE(contains(warnings[0], "n13.jpg")) << warnings[0];
}

TEST_F(ImageEmbedderTest, ResourceIdsAreUnique) {
  for (int i = 0; i < 4; ++i)
    add(test::png(inputs_.path(), "p" + std::to_string(i) + ".png", 10 + i, 10, false).string());
  options_.generate_cover = true;
  embed();
  std::set<std::string> ids;
  for (const book::Resource& resource : book_.resources) EXPECT_TRUE(ids.insert(resource.id).second) << resource.id;
  EXPECT_EQ(ids.size(), 5u);
}

}  // namespace
}  // namespace pb::image
