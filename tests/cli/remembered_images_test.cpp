// remembered_images: the key of a book's image list changes with what decides which images the
// book uses, and the list survives being written and read back.
#include "cli/remembered_images.h"

#include <gtest/gtest.h>

namespace pb::cli {
namespace {

class RememberedImagesTest : public ::testing::Test {
 protected:
  RememberedImagesTest() {
    first_.id = 1;
    first_.link = "https://blog.example.org/soil-part-1/";
    first_.modified_gmt = "2024-04-10T14:15:51";
    first_.content_html = "<p><img src=\"https://blog.example.org/a.jpg\"></p>";
    second_ = first_;
    second_.id = 2;
    second_.link = "https://blog.example.org/soil-part-2/";
    request_.posts = {&first_, &second_};
  }
  std::string key() const { return remembered_images_key(request_); }

  sources::Post first_;
  sources::Post second_;
  transform::BookRequest request_;
};

TEST_F(RememberedImagesTest, TheSameBookHasTheSameKey) {
  const std::string before = key();
  EXPECT_EQ(key(), before);
  EXPECT_TRUE(before.starts_with("book-images:"));
}

TEST_F(RememberedImagesTest, AnEditedPostChangesTheKey) {
  const std::string before = key();
  second_.modified_gmt = "2024-05-01T09:00:00";
  EXPECT_NE(key(), before);
}

TEST_F(RememberedImagesTest, ContentOfAnotherLengthChangesTheKey) {
  const std::string before = key();
  first_.content_html += "<p><img src=\"https://blog.example.org/b.jpg\"></p>";
  EXPECT_NE(key(), before) << "a file edited by hand keeps its modification date";
}

TEST_F(RememberedImagesTest, AnotherWidthLimitOrPartOrderChangesTheKey) {
  const std::string before = key();
  request_.max_image_width = 800;
  EXPECT_NE(key(), before);
  request_.max_image_width = 1600;
  request_.posts = {&second_, &first_};
  EXPECT_NE(key(), before);
}

TEST_F(RememberedImagesTest, AFeaturedImageChangesTheKey) {
  const std::string before = key();
  first_.featured_image = sources::FeaturedImage{};
  first_.featured_image->url = "https://blog.example.org/cover.jpg";
  EXPECT_NE(key(), before);
}

TEST(RememberedImageSources, SurviveBeingWrittenAndReadBack) {
  const std::vector<std::string> sources = {"https://a.example/1.jpg", "https://a.example/2 space.png",
                                            "https://b.example/x.webp?w=1024"};
  EXPECT_EQ(split_sources(join_sources(sources)), sources);
  EXPECT_TRUE(split_sources("").empty());
  EXPECT_EQ(split_sources("https://a.example/1.jpg"), std::vector<std::string>{"https://a.example/1.jpg"});
}

TEST(RememberedImageSources, ASourceWithALineBreakIsLeftOut) {
  EXPECT_EQ(
      split_sources(join_sources({"https://a.example/1.jpg", "https://a.example/\nevil", "https://a.example/2.jpg"})),
      (std::vector<std::string>{"https://a.example/1.jpg", "https://a.example/2.jpg"}));
}

}  // namespace
}  // namespace pb::cli
