#include "transform/post_link_index.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace pb::transform {
namespace {

sources::Post post(std::int64_t id, const std::string& slug, const std::string& host = "www.example.org") {
  sources::Post p;
  p.id = id;
  p.slug = slug;
  p.link = "https://" + host + "/2024/04/" + slug + "/";
  p.guid = "https://" + host + "/?p=" + std::to_string(id);
  return p;
}

class PostLinkIndexTest : public testing::Test {
 protected:
  void SetUp() override {
    index_.add(post(101, "part-1"), 0);
    index_.add(post(102, "part-2"), 1);
  }
  PostLinkIndex index_;
};

TEST_F(PostLinkIndexTest, PermalinkSpellings) {
  for (const char* url : {"https://www.example.org/2024/04/part-1/", "http://www.example.org/2024/04/part-1/",
                          "https://example.org/2024/04/part-1/", "https://example.org/2024/04/part-1",
                          "http://example.org/2024/04/part-1", "https://WWW.EXAMPLE.ORG/2024/04/part-1/",
                          "https://example.org/2024/04/part-1/#comments"})
    EXPECT_EQ(index_.find(url), std::optional<std::size_t>(0)) << url;
  EXPECT_EQ(index_.find("https://example.org/2024/04/part-2"), std::optional<std::size_t>(1));
}

TEST_F(PostLinkIndexTest, PostIdInQuery) {
  EXPECT_EQ(index_.find("https://www.example.org/?p=101"), std::optional<std::size_t>(0));  // the guid
  EXPECT_EQ(index_.find("http://example.org/?p=102"), std::optional<std::size_t>(1));
  EXPECT_EQ(index_.find("https://example.org/?p=102&preview=true"), std::optional<std::size_t>(1));
  EXPECT_EQ(index_.find("https://example.org/index.php?page_id=101"), std::optional<std::size_t>(0));
  EXPECT_EQ(index_.find("https://example.org/?p=103"), std::nullopt);
  EXPECT_EQ(index_.find("https://example.org/?pp=101"), std::nullopt);
  EXPECT_EQ(index_.find("https://other.example/?p=101"), std::nullopt);
}

TEST_F(PostLinkIndexTest, Slug) {
  EXPECT_EQ(index_.find("https://example.org/part-2/"), std::optional<std::size_t>(1));  // other permalink structure
  EXPECT_EQ(index_.find("https://example.org/2023/01/01/part-1"), std::optional<std::size_t>(0));
  EXPECT_EQ(index_.find("https://example.org/2024/04/part-1/?utm_source=x"), std::optional<std::size_t>(0));
  EXPECT_EQ(index_.find("https://other.example/2024/04/part-1/"), std::nullopt);
  EXPECT_EQ(index_.find("https://example.org/2024/04/part-3/"), std::nullopt);
}

TEST_F(PostLinkIndexTest, NotPosts) {
  for (const char* url : {"https://example.org/", "https://example.org", "https://example.org/about/",
                          "mailto:me@example.org", "not a url", ""})
    EXPECT_EQ(index_.find(url), std::nullopt) << url;
}

// Regression (a judgement call): the slug fallback matches the last path segment of any URL on the site,
// so a tag or category archive that shares a post's slug is taken for the post itself.
TEST_F(PostLinkIndexTest, ArchivePagesWithTheSameSlugAreNotThePost) {
  EXPECT_EQ(index_.find("https://example.org/tag/part-1/"), std::nullopt);
  EXPECT_EQ(index_.find("https://example.org/category/series/part-1/"), std::nullopt);
}

TEST(PostLinkIndex, PercentEncodedSlugInLink) {
  PostLinkIndex index;
  index.add(post(7, "caf\u00E9"), 3);
  EXPECT_EQ(index.find("https://example.org/x/caf%C3%A9/"), std::optional<std::size_t>(3));
}

// Regression (was a bug): WordPress stores and returns non-ASCII slugs percent-encoded in lower case ("caf%c3%a9"),
// but find() percent-decodes the link's last segment before comparing it with the stored slug,
// so the slug fallback never matches such posts.
TEST(PostLinkIndex, PercentEncodedSlugAsWordPressReturnsIt) {
  sources::Post p = post(7, "caf%c3%a9");
  PostLinkIndex index;
  index.add(p, 3);
  EXPECT_EQ(index.find("https://example.org/2024/04/caf%c3%a9/"), std::optional<std::size_t>(3));  // permalink: found
  EXPECT_EQ(index.find("https://example.org/caf%C3%A9/"), std::optional<std::size_t>(3));          // by slug
}

TEST(PostLinkIndex, PostWithOnlyAGuid) {
  sources::Post p;
  p.id = 55;
  p.guid = "https://blog.example.net/?p=55";
  PostLinkIndex index;
  index.add(p, 2);
  EXPECT_EQ(index.find("https://blog.example.net/?p=55"), std::optional<std::size_t>(2));
  EXPECT_EQ(index.find("http://www.blog.example.net/?p=55&x=1"), std::optional<std::size_t>(2));
}

TEST(PostLinkIndex, PostWithoutAddressesIsNeverFound) {
  sources::Post p;
  p.id = 9;
  p.slug = "lonely";
  PostLinkIndex index;
  index.add(p, 0);
  EXPECT_EQ(index.find("https://example.org/lonely/"), std::nullopt);
  EXPECT_EQ(index.find("https://example.org/?p=9"), std::nullopt);
}

TEST(PostLinkIndex, FirstPostWinsASharedAddress) {
  PostLinkIndex index;
  index.add(post(1, "same"), 0);
  index.add(post(2, "same"), 1);
  EXPECT_EQ(index.find("https://example.org/2024/04/same/"), std::optional<std::size_t>(0));
  EXPECT_EQ(index.find("https://example.org/?p=2"), std::optional<std::size_t>(1));
}

}  // namespace
}  // namespace pb::transform
