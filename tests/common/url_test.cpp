#include "common/url.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace pb::url {
namespace {

const std::string kBase = "https://example.org/2024/04/post/";

TEST(UrlParse, SplitsAnAbsoluteUrl) {
  const std::optional<Parts> parts = parse("HTTPS://Example.ORG:8080/a/B?x=1&y=2#Frag");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->scheme, "https");
  EXPECT_EQ(parts->host, "example.org");
  EXPECT_EQ(parts->port, "8080");
  EXPECT_EQ(parts->path, "/a/B");
  EXPECT_EQ(parts->query, "x=1&y=2");
  EXPECT_EQ(parts->fragment, "Frag");
}

TEST(UrlParse, DefaultsAreEmpty) {
  const std::optional<Parts> parts = parse("http://www.example.org");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->scheme, "http");
  EXPECT_EQ(parts->host, "www.example.org");
  EXPECT_EQ(parts->port, "");
  EXPECT_EQ(parts->path, "/");
  EXPECT_EQ(parts->query, "");
  EXPECT_EQ(parts->fragment, "");
}

TEST(UrlParse, RejectsRelativeReferencesAndGarbage) {
  for (const char* text : {"", "/2024/04/post/", "post/", "//example.org/x", "?p=1", "#top", "garbage", "http://",
                           ":no-scheme", "1http://example.org/"}) {
    EXPECT_FALSE(parse(text).has_value()) << text;
  }
}

struct ResolveCase {
  const char* reference;
  std::optional<std::string> expected;
};

class UrlResolve : public testing::TestWithParam<ResolveCase> {};

TEST_P(UrlResolve, AgainstPostLink) {
  EXPECT_EQ(resolve(kBase, GetParam().reference), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Rfc3986, UrlResolve,
                         testing::Values(ResolveCase{"img.png", "https://example.org/2024/04/post/img.png"},
                                         ResolveCase{"../other/", "https://example.org/2024/04/other/"},
                                         ResolveCase{"../../../../up", "https://example.org/up"},
                                         ResolveCase{"/abs/path", "https://example.org/abs/path"},
                                         ResolveCase{"//cdn.example.net/x.png", "https://cdn.example.net/x.png"},
                                         ResolveCase{"?p=5", "https://example.org/2024/04/post/?p=5"},
                                         ResolveCase{"#frag", "https://example.org/2024/04/post/#frag"},
                                         ResolveCase{"  img.png\n", "https://example.org/2024/04/post/img.png"},
                                         ResolveCase{"http://other.example/x", "http://other.example/x"},
                                         ResolveCase{"mailto:me@example.org", "mailto:me@example.org"},
                                         ResolveCase{"tel:+15551234", "tel:+15551234"}, ResolveCase{"", std::nullopt},
                                         ResolveCase{"   ", std::nullopt}));

TEST(UrlResolve, RelativeWithoutBaseIsNothing) {
  EXPECT_EQ(resolve("", "img.png"), std::nullopt);
  EXPECT_EQ(resolve("not a url", "img.png"), std::nullopt);
  EXPECT_EQ(resolve("", "https://example.org/x"), "https://example.org/x");
}

// Regression (was a bug): resolve() promises nullopt "when the result is not a valid absolute URL", but an absolute
// reference that libcurl refuses is returned as written whatever its scheme (the fallback meant
// for mailto:/tel:), so a broken http(s) URL reaches the book as a link target.
TEST(UrlResolve, InvalidAbsoluteHttpUrlIsNothing) {
  EXPECT_EQ(resolve(kBase, "http://[::1"), std::nullopt);
  EXPECT_EQ(resolve(kBase, "https://exa mple.org/"), std::nullopt);
}

TEST(UrlSchemes, Fetchable) {
  EXPECT_TRUE(is_fetchable("http://example.org/"));
  EXPECT_TRUE(is_fetchable("HTTPS://example.org/"));
  EXPECT_FALSE(is_fetchable("ftp://example.org/"));
  EXPECT_FALSE(is_fetchable("file:///etc/passwd"));
  EXPECT_FALSE(is_fetchable("data:image/png;base64,AAAA"));
  EXPECT_FALSE(is_fetchable("/relative"));
  EXPECT_FALSE(is_fetchable("httpx://example.org"));
}

TEST(UrlSchemes, Linkable) {
  for (const char* ok : {"http://example.org/", "https://example.org/", "HTTPS://EXAMPLE.ORG/", "mailto:me@example.org",
                         "tel:+15551234", "ftp://example.org/file"})
    EXPECT_TRUE(is_linkable(ok)) << ok;
  for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd", "data:text/html,hi",
                          "vbscript:x", "about:blank", "relative/path", "", " https://example.org/"})
    EXPECT_FALSE(is_linkable(bad)) << bad;
}

TEST(Url, WithoutFragment) {
  EXPECT_EQ(without_fragment("https://example.org/a?b=1#c"), "https://example.org/a?b=1");
  EXPECT_EQ(without_fragment("https://example.org/a"), "https://example.org/a");
  EXPECT_EQ(without_fragment("#only"), "");
  EXPECT_EQ(without_fragment("a#b#c"), "a");
}

TEST(UrlPageKey, SpellingsOfOnePageCompareEqual) {
  const std::string key = page_key("https://example.org/2024/04/post/");
  for (const char* same :
       {"http://example.org/2024/04/post/", "https://www.example.org/2024/04/post/", "https://example.org/2024/04/post",
        "https://EXAMPLE.org/2024/04/post//", "https://example.org/2024/04/post/#comments",
        "https://example.org:443/2024/04/post/", "http://www.example.org:80/2024/04/post"})
    EXPECT_EQ(page_key(same), key) << same;
}

TEST(UrlPageKey, DifferentPagesDiffer) {
  const std::string key = page_key("https://example.org/2024/04/post/");
  for (const char* other :
       {"https://example.org/2024/04/post-2/", "https://example.org/2024/04/Post/", "https://example.net/2024/04/post/",
        "https://blog.example.org/2024/04/post/", "https://example.org/2024/04/post/?page=2", "https://example.org/"})
    EXPECT_NE(page_key(other), key) << other;
}

TEST(UrlPageKey, QueryIsKept) {
  EXPECT_EQ(page_key("https://example.org/?p=5"), page_key("http://www.example.org/?p=5"));
  EXPECT_NE(page_key("https://example.org/?p=5"), page_key("https://example.org/?p=6"));
  EXPECT_EQ(page_key("https://example.org/"), page_key("https://example.org"));
}

TEST(UrlPageKey, NonUrlIsItsOwnKey) {
  EXPECT_EQ(page_key("not a url"), "not a url");
}

// Regression (was a bug): page_key() ignores every port, not just the default ones its contract names: a page on
// another server of the same host (:8443) compares equal to the production permalink.
TEST(UrlPageKey, NonDefaultPortIsKept) {
  EXPECT_NE(page_key("https://example.org:8443/2024/04/post/"), page_key("https://example.org/2024/04/post/"));
}

TEST(UrlPercentDecode, DecodesValidEscapes) {
  EXPECT_EQ(percent_decode("caf%C3%A9"), "caf\xC3\xA9");
  EXPECT_EQ(percent_decode("caf%c3%a9"), "caf\xC3\xA9");
  EXPECT_EQ(percent_decode("%41%42"), "AB");
  EXPECT_EQ(percent_decode("a%20b"), "a b");
  EXPECT_EQ(percent_decode("%2e%2e%2F"), "../");
}

TEST(UrlPercentDecode, LeavesBrokenEscapesAlone) {
  EXPECT_EQ(percent_decode("100%"), "100%");
  EXPECT_EQ(percent_decode("%2"), "%2");
  EXPECT_EQ(percent_decode("a%2"), "a%2");
  EXPECT_EQ(percent_decode("%zz"), "%zz");
  EXPECT_EQ(percent_decode("%%41"), "%A");
  EXPECT_EQ(percent_decode(""), "");
  EXPECT_EQ(percent_decode("plain+text"), "plain+text");  // '+' is not a space in a path
}

}  // namespace
}  // namespace pb::url
