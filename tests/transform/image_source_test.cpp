#include "transform/image_source.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pb::transform {
namespace {

std::string describe(const std::vector<SrcsetCandidate>& candidates) {
  std::string out;
  for (const SrcsetCandidate& c : candidates) {
    if (!out.empty()) out += " | ";
    out += c.url;
    if (c.width > 0) out += " " + std::to_string(c.width) + "w";
    if (c.density > 0) out += " " + std::to_string(c.density).substr(0, 4) + "x";
  }
  return out;
}

// ------------------------------------------------------------------ parse_srcset

struct SrcsetCase {
  const char* srcset;
  const char* expected;
};

class ParseSrcset : public testing::TestWithParam<SrcsetCase> {};

TEST_P(ParseSrcset, Parses) {
  EXPECT_EQ(describe(parse_srcset(GetParam().srcset)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Srcsets, ParseSrcset,
    testing::Values(
        SrcsetCase{"a.jpg 300w, b.jpg 800w", "a.jpg 300w | b.jpg 800w"},
        SrcsetCase{"a.jpg, b.jpg 2x", "a.jpg | b.jpg 2.00x"},
        SrcsetCase{"a.jpg 1.5x,b.jpg 3x", "a.jpg 1.50x | b.jpg 3.00x"}, SrcsetCase{"a.jpg", "a.jpg"},
        SrcsetCase{"", ""}, SrcsetCase{"   ,  , ", ""},
        SrcsetCase{"\n  a.jpg\t300w ,\n b.jpg   800w  \n", "a.jpg 300w | b.jpg 800w"},
        SrcsetCase{
            "https://i0.wp.com/e.org/x.jpg?resize=300,200 300w, https://i0.wp.com/e.org/x.jpg?resize=800,533 800w",
            "https://i0.wp.com/e.org/x.jpg?resize=300,200 300w | https://i0.wp.com/e.org/x.jpg?resize=800,533 800w"},
        SrcsetCase{"data:image/gif;base64,R0lGODlhAQABAAAAACw= 1w, real.jpg 800w",
                   "data:image/gif;base64,R0lGODlhAQABAAAAACw= 1w | real.jpg 800w"},
        SrcsetCase{"a.jpg 300q, b.jpg 800w", "b.jpg 800w"},             // unknown unit
        SrcsetCase{"a.jpg -5w, b.jpg 0w, c.jpg 800w", "c.jpg 800w"},    // not positive
        SrcsetCase{"a.jpg w, b.jpg 1e2x, c.jpg 12.5w", "b.jpg 100.x"},  // "w" alone, fractional width
        SrcsetCase{"a.jpg 0x, b.jpg -1x, c.jpg x2", ""}, SrcsetCase{"a.jpg 300W, b.jpg 2X", "a.jpg 300w | b.jpg 2.00x"},
        SrcsetCase{"a.jpg 300w 200h", "a.jpg 300w"},               // height descriptor ignored
        SrcsetCase{"a.jpg 99999999999w, b.jpg 10w", "b.jpg 10w"},  // overflow is malformed
        SrcsetCase{"a.jpg,, b.jpg", "a.jpg | b.jpg"}));

// ------------------------------------------------------------------ placeholders

TEST(ImageSource, PlaceholderDataUris) {
  EXPECT_TRUE(
      is_placeholder_data_uri("data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"));
  EXPECT_TRUE(is_placeholder_data_uri("DATA:image/svg+xml,%3Csvg%3E%3C/svg%3E"));
  EXPECT_TRUE(is_placeholder_data_uri("data:"));
  EXPECT_FALSE(is_placeholder_data_uri("data:image/png;base64," + std::string(2000, 'A')));
  EXPECT_FALSE(is_placeholder_data_uri("https://example.org/data:x"));
  EXPECT_FALSE(is_placeholder_data_uri(""));
}

// ------------------------------------------------------------------ choose_image_source

ImageAttributes with_srcset(std::string srcset) {
  ImageAttributes image;
  image.srcset = std::move(srcset);
  return image;
}

TEST(ChooseImageSource, LargestCandidateNotWiderThanTheMaximum) {
  const auto chosen =
      choose_image_source(with_srcset("a-300.jpg 300w, a-800.jpg 800w, a-1536.jpg 1536w, a-2048.jpg 2048w"), 1600);
  ASSERT_TRUE(chosen.has_value());
  EXPECT_EQ(chosen->url, "a-1536.jpg");
  EXPECT_EQ(chosen->width, 1536);
  EXPECT_FALSE(chosen->placeholder);
}

TEST(ChooseImageSource, OrderOfCandidatesDoesNotMatter) {
  EXPECT_EQ(
      choose_image_source(with_srcset("a-2048.jpg 2048w, a-800.jpg 800w, a-1536.jpg 1536w, a-300.jpg 300w"), 1600)->url,
      "a-1536.jpg");
}

TEST(ChooseImageSource, ExactlyTheMaximumFits) {
  EXPECT_EQ(choose_image_source(with_srcset("a.jpg 1600w, b.jpg 1601w"), 1600)->url, "a.jpg");
  EXPECT_EQ(choose_image_source(with_srcset("a.jpg 300w, b.jpg 800w"), 800)->url, "b.jpg");
}

TEST(ChooseImageSource, AllTooWideTakesTheNarrowest) {
  const auto chosen = choose_image_source(with_srcset("c.jpg 3000w, b.jpg 2000w, d.jpg 4000w"), 1600);
  EXPECT_EQ(chosen->url, "b.jpg");
  EXPECT_EQ(chosen->width, 2000);
}

TEST(ChooseImageSource, DensityDescriptorsTakeTheDensest) {
  EXPECT_EQ(choose_image_source(with_srcset("a.jpg, b.jpg 3x, c.jpg 2x"), 1600)->url, "b.jpg");
  EXPECT_EQ(choose_image_source(with_srcset("a.jpg 0.5x, b.jpg"), 1600)->url, "b.jpg");  // bare URL counts as 1x
}

TEST(ChooseImageSource, PlaceholdersInSrcsetAreSkipped) {
  ImageAttributes image;
  image.srcset = "data:image/gif;base64,R0lGOD 1w";
  image.data_src = "https://example.org/real.jpg";
  const auto chosen = choose_image_source(image, 1600);
  EXPECT_EQ(chosen->url, "https://example.org/real.jpg");
  EXPECT_FALSE(chosen->placeholder);
}

TEST(ChooseImageSource, LazySrcsetsComeFirst) {
  ImageAttributes image;
  image.srcset = "plain.jpg 800w";
  image.data_srcset = "data-srcset.jpg 800w";
  image.data_lazy_srcset = "lazy-srcset.jpg 800w";
  image.src = "src.jpg";
  EXPECT_EQ(choose_image_source(image, 1600)->url, "lazy-srcset.jpg");
  image.data_lazy_srcset.clear();
  EXPECT_EQ(choose_image_source(image, 1600)->url, "data-srcset.jpg");
  image.data_srcset.clear();
  EXPECT_EQ(choose_image_source(image, 1600)->url, "plain.jpg");
  image.srcset.clear();
  EXPECT_EQ(choose_image_source(image, 1600)->url, "src.jpg");
}

TEST(ChooseImageSource, SingleAttributesInPriorityOrder) {
  ImageAttributes image;
  image.src = "data:image/gif;base64,R0lGOD";
  image.data_original = "original.jpg";
  EXPECT_EQ(choose_image_source(image, 1600)->url, "original.jpg");
  image.data_lazy_original = "lazy-original.jpg";
  EXPECT_EQ(choose_image_source(image, 1600)->url, "lazy-original.jpg");
  image.data_src = "data-src.jpg";
  EXPECT_EQ(choose_image_source(image, 1600)->url, "data-src.jpg");
  image.data_lazy_src = "lazy-src.jpg";
  EXPECT_EQ(choose_image_source(image, 1600)->url, "lazy-src.jpg");
  image.data_orig_file = "  orig-file.jpg  ";
  EXPECT_EQ(choose_image_source(image, 1600)->url, "orig-file.jpg");
}

TEST(ChooseImageSource, RealSrcWinsOverNothingAndCarriesItsWidth) {
  ImageAttributes image;
  image.src = "https://example.org/a.jpg";
  image.width = 640;
  const auto chosen = choose_image_source(image, 1600);
  EXPECT_EQ(chosen->url, "https://example.org/a.jpg");
  EXPECT_EQ(chosen->width, 640);
  EXPECT_FALSE(chosen->placeholder);
}

TEST(ChooseImageSource, InlineDataImageThatIsARealPicture) {
  ImageAttributes image;
  image.src = "data:image/png;base64," + std::string(1000, 'A');
  const auto chosen = choose_image_source(image, 1600);
  EXPECT_EQ(chosen->url, image.src);
  EXPECT_FALSE(chosen->placeholder);
}

TEST(ChooseImageSource, OnlyAPlaceholder) {
  ImageAttributes image;
  image.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
  image.data_src = "   ";
  const auto chosen = choose_image_source(image, 1600);
  ASSERT_TRUE(chosen.has_value());
  EXPECT_TRUE(chosen->placeholder);
  EXPECT_EQ(chosen->url, image.src);
}

TEST(ChooseImageSource, NothingAtAll) {
  EXPECT_FALSE(choose_image_source(ImageAttributes{}, 1600).has_value());
  ImageAttributes blank;
  blank.src = "  ";
  blank.srcset = " , ";
  EXPECT_FALSE(choose_image_source(blank, 1600).has_value());
}

TEST(ChooseImageSource, PictureSourcesPreferFormatsThatNeedNoConversion) {
  ImageAttributes image;
  image.src = "fallback.jpg";
  image.picture_sources = {{"a.webp 800w", "image/webp"}, {"a.avif 800w", "image/avif"}, {"a.jpg 800w", "image/jpeg"}};
  EXPECT_EQ(choose_image_source(image, 1600)->url, "a.jpg");
  image.picture_sources = {{"a.webp 800w", "image/webp"}, {"b.png 400w, b2.png 900w", ""}};
  EXPECT_EQ(choose_image_source(image, 1600)->url, "b2.png");
  image.picture_sources = {{"a.webp 800w", "image/webp"}};
  EXPECT_EQ(choose_image_source(image, 1600)->url, "a.webp");
}

TEST(ChooseImageSource, ImgSrcsetBeatsPictureSources) {
  ImageAttributes image;
  image.srcset = "img.jpg 800w";
  image.picture_sources = {{"source.jpg 800w", "image/jpeg"}};
  EXPECT_EQ(choose_image_source(image, 1600)->url, "img.jpg");
}

// ------------------------------------------------------------------ widen_resized_url

TEST(WidenResizedUrl, PhotonAsksForTheMaximumWidth) {
  EXPECT_EQ(widen_resized_url("https://i0.wp.com/example.org/wp-content/uploads/a.jpg?resize=300%2C200&ssl=1", 1600),
            "https://i0.wp.com/example.org/wp-content/uploads/a.jpg?w=1600&ssl=1");
  EXPECT_EQ(widen_resized_url("https://i2.wp.com/example.org/a.png?w=300", 1200),
            "https://i2.wp.com/example.org/a.png?w=1200&ssl=1");
  EXPECT_EQ(widen_resized_url("https://i1.wp.com/example.org/a.png", 800),
            "https://i1.wp.com/example.org/a.png?w=800&ssl=1");
}

TEST(WidenResizedUrl, WordPressComFiles) {
  EXPECT_EQ(widen_resized_url("https://example.files.wordpress.com/2024/01/a.jpg?w=300&h=200", 1600),
            "https://example.files.wordpress.com/2024/01/a.jpg?w=1600");
  EXPECT_EQ(widen_resized_url("https://example.files.wordpress.com/2024/01/a.jpg", 1600),
            "https://example.files.wordpress.com/2024/01/a.jpg?w=1600");
}

TEST(WidenResizedUrl, OtherUrlsUnchanged) {
  for (const char* url : {"https://example.org/wp-content/uploads/a-300x200.jpg?ver=2",
                          "https://i0.wp.com.evil.example/a.jpg", "https://wp.com/a.jpg", "https://s0.wp.com/a.jpg",
                          "https://notwordpress.com/a.jpg?w=300", "data:image/png;base64,AAAA", "relative/a.jpg", ""})
    EXPECT_EQ(widen_resized_url(url, 1600), url);
}

}  // namespace
}  // namespace pb::transform
