// sniff(): the real type of a file from its first bytes, whatever its name or Content-Type says.
#include "image/sniff.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "image/image_bytes.h"
#include "image/test_images.h"

namespace pb::image {
namespace {

namespace fs = std::filesystem;

namespace bytes = pb::testing::image_bytes;
using namespace std::string_literals;

TEST(Sniff, RecognisesEachImageFormatFromItsBytes) {
  EXPECT_EQ(sniff(bytes::jpeg_rgb(16, 16)), Format::Jpeg);
  EXPECT_EQ(sniff(bytes::png(2, 2, true, [](int, int) { return bytes::Rgba{}; })), Format::Png);
  EXPECT_EQ(sniff(bytes::gif(2, 2, {}, {{0, 1, 2, 3}})), Format::Gif);
  EXPECT_EQ(sniff("GIF87a\x02\x00\x02\x00"s), Format::Gif);
  EXPECT_EQ(sniff(bytes::webp_solid(4, 4, {})), Format::WebP);
  EXPECT_EQ(sniff(bytes::bmp(2, 2, [](int, int) { return bytes::Rgba{}; })), Format::Bmp);
  EXPECT_EQ(sniff(bytes::svg(10, 10)), Format::Svg);
  EXPECT_EQ(sniff("II*\0\x08\0\0\0"s), Format::Tiff);
  EXPECT_EQ(sniff("MM\0*\0\0\0\x08"s), Format::Tiff);
  EXPECT_EQ(sniff("\0\0\0\x1C"
                  "ftypavif\0\0\0\0"s),
            Format::Avif);
  EXPECT_EQ(sniff("\0\0\0\x18"
                  "ftypheic\0\0\0\0"s),
            Format::Heic);
}

TEST(Sniff, RecognisesFilesLibvipsWrote) {
  const TempDir dir;
  EXPECT_EQ(sniff(test::read_bytes(test::tiff(dir.path(), "a.tif", 8, 8))), Format::Tiff);
  EXPECT_EQ(sniff(test::read_bytes(test::webp(dir.path(), "a.webp", 8, 8, false))), Format::WebP);
  EXPECT_EQ(sniff(test::read_bytes(test::gif(dir.path(), "a.gif", 8, 8, 1))), Format::Gif);
  fs::rename(test::jpeg(dir.path(), "a.jpg", 8, 8), dir.path() / "really-a-jpeg.png");
  EXPECT_EQ(sniff(test::read_bytes(dir.path() / "really-a-jpeg.png")), Format::Jpeg) << "the name lies";
  if (const auto avif = test::avif(dir.path(), "a.avif", 8, 8)) {
    EXPECT_EQ(sniff(test::read_bytes(*avif)), Format::Avif);
  }
}

TEST(Sniff, SvgWithAPrologueCommentsOrWhitespace) {
  EXPECT_EQ(sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), Format::Svg);
  EXPECT_EQ(sniff("\xEF\xBB\xBF  \n<svg/>"), Format::Svg);
  EXPECT_EQ(sniff("<?xml version=\"1.0\"?>\n<!-- " + std::string(600, '-') + " -->\n<svg/>"), Format::Svg)
      << "the <svg> element after a long comment";
  EXPECT_EQ(sniff("<?xml version=\"1.0\"?><!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                  "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\"><svg/>"),
            Format::Svg);
}

TEST(Sniff, AnHtmlPageIsNotAnImage) {
  EXPECT_EQ(sniff("<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>"), Format::Html);
  EXPECT_EQ(sniff("\n\n  <html lang=\"en\"><body>x</body></html>"), Format::Html);
  EXPECT_EQ(sniff("<!doctype HTML>\n<p>x"), Format::Html);
  EXPECT_EQ(sniff("<head><meta charset=utf-8></head>"), Format::Html);
  EXPECT_EQ(sniff("\xEF\xBB\xBF<!DOCTYPE html>"), Format::Html);
}

// Regression (was a bug): sniff() tests "<svg" before the HTML markers, so an error page that draws an inline SVG
// icon in its first 512 bytes (common on 404 pages served as 200) is taken for an SVG image;
// the embedder then says "SVG image cannot be decoded" instead of "the server sent an HTML page".
TEST(Sniff, AnHtmlPageWithAnInlineSvgIconIsHtml) {
  EXPECT_EQ(sniff("<!DOCTYPE html><html><head><title>Not found</title></head><body>"
                  "<svg class=\"logo\" viewBox=\"0 0 10 10\"><path d=\"M0 0h10v10z\"/></svg><h1>Not found</h1>"),
            Format::Html);
}

TEST(Sniff, EmptyAndUnknownBytes) {
  EXPECT_EQ(sniff(""), Format::Empty);
  EXPECT_EQ(sniff("hello, world"), Format::Unknown);
  EXPECT_EQ(sniff("{\"code\":\"rest_no_route\"}"), Format::Unknown);
  EXPECT_EQ(sniff("\xFF\xD8"), Format::Unknown) << "two bytes are not a JPEG";
  EXPECT_EQ(sniff("\x89PNG"), Format::Unknown);
  EXPECT_EQ(sniff("RIFF\x10\0\0\0WAVEfmt "s), Format::Unknown) << "a RIFF file that is not WebP";
  EXPECT_EQ(sniff("BM"), Format::Unknown) << "too short for a BMP header";
  EXPECT_EQ(sniff("<p>just a fragment</p>"), Format::Unknown);
  EXPECT_EQ(sniff(std::string(64, '\0')), Format::Unknown);
}

TEST(Sniff, NamesTypesAndExtensions) {
  EXPECT_STREQ(media_type(Format::Jpeg), "image/jpeg");
  EXPECT_STREQ(media_type(Format::Png), "image/png");
  EXPECT_STREQ(extension(Format::Jpeg), "jpg");
  EXPECT_STREQ(extension(Format::Png), "png");
  EXPECT_STREQ(media_type(Format::Html), "");
  EXPECT_STREQ(extension(Format::Empty), "");
  EXPECT_STREQ(format_name(Format::WebP), "WebP");
  EXPECT_TRUE(is_ebook_ready(Format::Jpeg));
  EXPECT_TRUE(is_ebook_ready(Format::Png));
  EXPECT_FALSE(is_ebook_ready(Format::WebP));
  EXPECT_FALSE(is_ebook_ready(Format::Svg));
  EXPECT_FALSE(is_ebook_ready(Format::Html));
}

}  // namespace
}  // namespace pb::image
