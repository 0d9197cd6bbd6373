#include "transform/embed_link.h"

#include <gtest/gtest.h>

#include <string>

namespace pb::transform {
namespace {

std::string describe(std::string_view src, std::string_view title = "", std::string_view kind = "iframe") {
  const std::optional<EmbedLink> link = embed_link(src, title, kind);
  return link ? link->url + " | " + link->label : "<none>";
}

TEST(EmbedLink, YouTube) {
  EXPECT_EQ(describe("https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed", "Never"),
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ | Video on YouTube: Never");
  EXPECT_EQ(describe("https://youtube.com/embed/abc/extra"), "https://www.youtube.com/watch?v=abc | Video on YouTube");
  EXPECT_EQ(describe("http://m.youtube.com/embed/abc"), "https://www.youtube.com/watch?v=abc | Video on YouTube");
  EXPECT_EQ(describe("https://www.youtube-nocookie.com/embed/xyz?rel=0"),
            "https://www.youtube.com/watch?v=xyz | Video on YouTube");
}

TEST(EmbedLink, YouTubeWithoutAVideoIdIsGeneric) {
  EXPECT_EQ(describe("https://www.youtube.com/embed/"),
            "https://www.youtube.com/embed/ | Embedded content from youtube.com");
  EXPECT_EQ(describe("https://www.youtube.com/watch?v=abc"),
            "https://www.youtube.com/watch?v=abc | Embedded content from youtube.com");
}

// Regression (was a bug): a YouTube playlist embed (what WordPress writes for a playlist URL) is
// /embed/videoseries?list=ID; the link becomes watch?v=videoseries, a page that does not exist.
TEST(EmbedLink, YouTubePlaylistEmbedLinksToThePlaylist) {
  const std::optional<EmbedLink> link =
      embed_link("https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", "", "iframe");
  ASSERT_TRUE(link.has_value());
  EXPECT_EQ(link->url.find("v=videoseries"), std::string::npos) << link->url;
  EXPECT_NE(link->url.find("list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"), std::string::npos) << link->url;
}

TEST(EmbedLink, Vimeo) {
  EXPECT_EQ(describe("https://player.vimeo.com/video/76979871?h=8272103f6e", "Demo"),
            "https://vimeo.com/76979871 | Video on Vimeo: Demo");
  EXPECT_EQ(describe("https://vimeo.com/channels/staffpicks"),
            "https://vimeo.com/channels/staffpicks | Embedded content from vimeo.com");
}

TEST(EmbedLink, KnownServices) {
  EXPECT_EQ(describe("https://twitter.com/user/status/1#frag"),
            "https://twitter.com/user/status/1 | Post on X (Twitter)");
  EXPECT_EQ(describe("https://x.com/user/status/1"), "https://x.com/user/status/1 | Post on X (Twitter)");
  EXPECT_EQ(describe("https://open.spotify.com/embed/track/1", "Song"),
            "https://open.spotify.com/embed/track/1 | Listen on Spotify: Song");
  EXPECT_EQ(describe("https://w.soundcloud.com/player/?url=x"),
            "https://w.soundcloud.com/player/?url=x | Listen on SoundCloud");
  EXPECT_EQ(describe("https://www.google.com/maps/embed?pb=123"), "https://www.google.com/maps/embed?pb=123 | Map");
  EXPECT_EQ(describe("https://www.google.com/search?q=x"),
            "https://www.google.com/search?q=x | Embedded content from google.com");
}

TEST(EmbedLink, LookalikeHostsAreNotTheService) {
  EXPECT_EQ(describe("https://notyoutube.com/embed/abc"),
            "https://notyoutube.com/embed/abc | Embedded content from notyoutube.com");
  EXPECT_EQ(describe("https://youtube.com.evil.example/embed/abc"),
            "https://youtube.com.evil.example/embed/abc | Embedded content from youtube.com.evil.example");
  EXPECT_EQ(describe("https://evilvimeo.com/video/1"),
            "https://evilvimeo.com/video/1 | Embedded content from evilvimeo.com");
}

TEST(EmbedLink, GenericLabelsByKind) {
  EXPECT_EQ(describe("https://www.example.org/widget", "", "iframe"),
            "https://www.example.org/widget | Embedded content from example.org");
  EXPECT_EQ(describe("https://example.org/v.mp4", "", "video"), "https://example.org/v.mp4 | Video from example.org");
  EXPECT_EQ(describe("https://example.org/a.mp3", "", "audio"), "https://example.org/a.mp3 | Audio from example.org");
  EXPECT_EQ(describe("https://example.org/x.swf#f", "", "object"),
            "https://example.org/x.swf | Embedded content from example.org");
}

TEST(EmbedLink, TitleWhitespaceCollapsed) {
  EXPECT_EQ(describe("https://example.org/w", "  A \n  title  "),
            "https://example.org/w | Embedded content from example.org: A title");
  EXPECT_EQ(describe("https://example.org/w", " \t "), "https://example.org/w | Embedded content from example.org");
}

TEST(EmbedLink, OnlyAbsoluteHttpUrls) {
  for (const char* src : {"javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "/relative/embed",
                          "//example.org/x", "ftp://example.org/x", "", "garbage"})
    EXPECT_EQ(describe(src), "<none>") << src;
}

}  // namespace
}  // namespace pb::transform
