#include "sources/wordpress_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"

namespace pb::sources {
namespace {

using nlohmann::json;

json post_json(std::int64_t id = 7, const std::string& title = "Part 1", const std::string& content = "<p>Body</p>") {
  return json{{"id", id},
              {"date", "2024-04-12T10:15:30"},
              {"date_gmt", "2024-04-12T14:15:30"},
              {"modified", "2024-04-13T10:00:00"},
              {"modified_gmt", "2024-04-13T14:00:00"},
              {"guid", {{"rendered", "https://example.org/?p=" + std::to_string(id)}}},
              {"slug", "part-1"},
              {"status", "publish"},
              {"link", "https://example.org/2024/04/part-1/"},
              {"title", {{"rendered", title}}},
              {"content", {{"rendered", content}, {"protected", false}}},
              {"author", 3},
              {"featured_media", 0}};
}

// The message of the BuildError thrown by parsing text, or a note that none was thrown.
std::string parse_error(const std::string& text, const std::string& origin = "posts/part-1.json") {
  try {
    parse_posts_json(text, origin);
  } catch (const BuildError& error) {
    return error.what();
  }
  return "<no BuildError>";
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

#define EXPECT_HAS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

TEST(WordpressJson, MinimalPostFields) {
  const std::vector<Post> posts = parse_posts_json(post_json().dump(), "posts/part-1.json");
  ASSERT_EQ(posts.size(), 1u);
  const Post& post = posts[0];
  EXPECT_EQ(post.id, 7);
  EXPECT_EQ(post.title, "Part 1");
  EXPECT_EQ(post.slug, "part-1");
  EXPECT_EQ(post.link, "https://example.org/2024/04/part-1/");
  EXPECT_EQ(post.guid, "https://example.org/?p=7");
  EXPECT_EQ(post.date, "2024-04-12T10:15:30");
  EXPECT_EQ(post.date_gmt, "2024-04-12T14:15:30");
  EXPECT_EQ(post.modified_gmt, "2024-04-13T14:00:00");
  EXPECT_EQ(post.content_html, "<p>Body</p>");
  EXPECT_FALSE(post.is_protected);
  EXPECT_EQ(post.status, "publish");
  EXPECT_EQ(post.author_id, 3);
  EXPECT_EQ(post.author, "");
  EXPECT_TRUE(post.categories.empty());
  EXPECT_TRUE(post.tags.empty());
  EXPECT_FALSE(post.featured_image.has_value());
  EXPECT_EQ(post.origin, "posts/part-1.json");
  EXPECT_EQ(post.describe(), "post 7 (posts/part-1.json)");
}

TEST(WordpressJson, TitleIsPlainText) {
  json object = post_json(7, "What&#8217;s <em>new</em> &#8211; Part&nbsp;2 &amp; more");
  const Post post = post_from_json(object, "x.json");
  EXPECT_EQ(post.title, "What\u2019s new \u2013 Part 2 & more");
}

TEST(WordpressJson, ContentHtmlIsKeptAsWritten) {
  const std::string html = "<p>a &amp; b</p>\n<p><img src=\"x.jpg\"></p>";
  EXPECT_EQ(post_from_json(post_json(7, "T", html), "x.json").content_html, html);
}

TEST(WordpressJson, SeedPost) {
  const std::filesystem::path path = POSTBINDER_SHARED_DIR "/corpus/seed/what-am-i-missing-part-2.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no seed corpus at " << path;
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::vector<Post> posts = parse_posts_json(text, path.string());
  ASSERT_EQ(posts.size(), 1u);
  const Post& post = posts[0];
  EXPECT_EQ(post.id, 43121);
  EXPECT_EQ(post.title, "What am I missing? Part 2: Applying Attachment Theory to Treatment and Recovery");
  EXPECT_EQ(post.slug, "what-am-i-missing-part-2-applying-attachment-theory-to-treatment-and-recovery");
  EXPECT_EQ(post.link,
            "https://www.goodtherapy.org/blog/what-am-i-missing-part-2-applying-attachment-theory-to-treatment-and-"
            "recovery/");
  EXPECT_EQ(post.guid, "https://www.goodtherapy.org/blog/?p=43121");
  EXPECT_EQ(post.date, "2024-04-12T10:15:30");
  EXPECT_EQ(post.date_gmt, "2024-04-12T14:15:30");
  EXPECT_EQ(post.modified_gmt, "2024-04-10T14:15:51");
  EXPECT_EQ(post.status, "publish");
  EXPECT_EQ(post.author_id, 3201);
  EXPECT_EQ(post.featured_media, 43124);
  EXPECT_FALSE(post.is_protected);
  EXPECT_EQ(post.author, "");  // no _embed in this file
  EXPECT_FALSE(post.featured_image.has_value());
  EXPECT_TRUE(starts_with(post.content_html, "<p><i><span data-contrast=\"auto\"><img "));
  EXPECT_HAS(post.content_html, "Attachment Theory</a>");
  EXPECT_EQ(post.origin, path.string());
}

TEST(WordpressJson, EmbeddedAuthorMediaAndTerms) {
  json object = post_json();
  object["_embedded"] = {
      {"author", json::array({{{"id", 3}, {"name", "Jane &amp; John Doe"}, {"slug", "jane"}}})},
      {"wp:featuredmedia",
       json::array({{{"id", 99},
                     {"source_url", "https://example.org/wp-content/uploads/cover.jpg"},
                     {"alt_text", "A &#8220;cover&#8221;"},
                     {"caption", {{"rendered", "<p>Photo by <a href=\"https://x.org\">X</a></p>\n"}}},
                     {"media_details", {{"width", 1200}, {"height", 800}, {"file", "cover.jpg"}}}}})},
      {"wp:term", json::array({json::array({{{"id", 1}, {"taxonomy", "category"}, {"name", "Recovery &amp; Health"}},
                                            {{"id", 2}, {"taxonomy", "category"}, {"name", "Uncategorized"}}}),
                               json::array({{{"id", 5}, {"taxonomy", "post_tag"}, {"name", "attachment"}},
                                            {{"id", 6}, {"taxonomy", "post_tag"}, {"name", ""}}}),
                               json::array({{{"id", 8}, {"taxonomy", "series"}, {"name", "Not a tag"}}})})}};
  const Post post = post_from_json(object, "x.json");
  EXPECT_EQ(post.author, "Jane & John Doe");
  ASSERT_TRUE(post.featured_image.has_value());
  EXPECT_EQ(post.featured_image->url, "https://example.org/wp-content/uploads/cover.jpg");
  EXPECT_EQ(post.featured_image->alt, "A \u201Ccover\u201D");
  EXPECT_EQ(post.featured_image->caption, "Photo by X");
  EXPECT_EQ(post.featured_image->width, 1200);
  EXPECT_EQ(post.featured_image->height, 800);
  EXPECT_EQ(post.categories, (std::vector<std::string>{"Recovery & Health", "Uncategorized"}));
  EXPECT_EQ(post.tags, (std::vector<std::string>{"attachment"}));
}

TEST(WordpressJson, EmbeddedErrorObjectsAreIgnored) {
  json object = post_json();
  const json forbidden = {
      {"code", "rest_forbidden"}, {"message", "Sorry, you are not allowed to do that."}, {"data", {{"status", 401}}}};
  object["_embedded"] = {{"author", json::array({{{"code", "rest_user_invalid_id"}, {"message", "Invalid user ID."}}})},
                         {"wp:featuredmedia", json::array({forbidden})},
                         {"wp:term", json::array({json::array({forbidden}), json::array()})}};
  Post post;
  ASSERT_NO_THROW(post = post_from_json(object, "x.json"));
  EXPECT_EQ(post.author, "");
  EXPECT_FALSE(post.featured_image.has_value());
  EXPECT_TRUE(post.categories.empty());
  EXPECT_TRUE(post.tags.empty());
}

TEST(WordpressJson, OddEmbeddedShapesAreIgnored) {
  for (const json& embedded : {json::array(), json("text"), json{{"author", json::array()}},
                               json{{"author", nullptr}, {"wp:featuredmedia", 5}, {"wp:term", "x"}},
                               json{{"wp:featuredmedia", json::array({{{"id", 1}}})}},  // no source_url
                               json{{"wp:term", json::array({json::array({5, "x", nullptr})})}}}) {
    json object = post_json();
    object["_embedded"] = embedded;
    Post post;
    ASSERT_NO_THROW(post = post_from_json(object, "x.json")) << embedded.dump();
    EXPECT_EQ(post.author, "") << embedded.dump();
    EXPECT_FALSE(post.featured_image.has_value()) << embedded.dump();
    EXPECT_TRUE(post.categories.empty()) << embedded.dump();
  }
}

TEST(WordpressJson, PlainStringFieldsAsSomeExportsWriteThem) {
  json object = {
      {"id", 12}, {"title", "Plain &amp; simple"}, {"content", "<p>Text</p>"}, {"guid", "https://e.org/?p=12"}};
  const Post post = post_from_json(object, "x.json");
  EXPECT_EQ(post.title, "Plain & simple");
  EXPECT_EQ(post.content_html, "<p>Text</p>");
  EXPECT_EQ(post.guid, "https://e.org/?p=12");
  EXPECT_EQ(post.status, "");
}

TEST(WordpressJson, ModifiedFallsBackToModified) {
  json object = post_json();
  object.erase("modified_gmt");
  EXPECT_EQ(post_from_json(object, "x.json").modified_gmt, "2024-04-13T10:00:00");
}

TEST(WordpressJson, StatusIsReportedNotFiltered) {
  json object = post_json();
  object["status"] = "draft";
  EXPECT_EQ(post_from_json(object, "x.json").status, "draft");
}

TEST(WordpressJson, ProtectedPostMayHaveEmptyContent) {
  json object = post_json(7, "Secret", "");
  object["content"]["protected"] = true;
  Post post;
  ASSERT_NO_THROW(post = post_from_json(object, "x.json"));
  EXPECT_TRUE(post.is_protected);
  EXPECT_EQ(post.content_html, "");
}

TEST(WordpressJson, ByteOrderMarkIsAccepted) {
  const std::vector<Post> posts = parse_posts_json("\xEF\xBB\xBF" + post_json().dump(), "bom.json");
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].title, "Part 1");
}

TEST(WordpressJson, MalformedJson) {
  const std::string message = parse_error("{\"id\": 7, \"title\": ", "posts/bad.json");
  EXPECT_TRUE(starts_with(message, "posts/bad.json: malformed JSON: parse error")) << message;
  EXPECT_EQ(message.find("[json.exception"), std::string::npos) << message;
  EXPECT_TRUE(starts_with(parse_error(""), "posts/part-1.json: malformed JSON")) << parse_error("");
  EXPECT_TRUE(starts_with(parse_error("[{\"id\": 1},]"), "posts/part-1.json: malformed JSON"));
}

TEST(WordpressJson, InvalidUtf8NamesTheByteOffset) {
  std::string text = R"({"id": 7, "title": {"rendered": "caf)";
  const std::size_t offset = text.size();
  text += "\xE9";
  text += R"("}, "content": {"rendered": "<p>x</p>"}})";
  const std::string message = parse_error(text, "latin1.json");
  EXPECT_TRUE(starts_with(message, "latin1.json: invalid UTF-8 at byte " + std::to_string(offset) + ";")) << message;
}

TEST(WordpressJson, NotAPost) {
  EXPECT_TRUE(starts_with(parse_error(R"({"id": 5, "source_url": "https://e.org/a.jpg"})"),
                          "posts/part-1.json: not a WordPress post: post 5 has no \"content.rendered\" field"));
  EXPECT_TRUE(starts_with(parse_error(R"({"id": 5, "content": {"rendered": "x"}})"),
                          "posts/part-1.json: not a WordPress post: post 5 has no \"title.rendered\" field"));
  EXPECT_TRUE(starts_with(parse_error(R"({"title": "T", "content": "x"})"),
                          "posts/part-1.json: not a WordPress post: the post has no numeric \"id\""));
  EXPECT_TRUE(starts_with(parse_error(R"({"id": "7", "title": "T", "content": "x"})"),
                          "posts/part-1.json: not a WordPress post: the post has no numeric \"id\""));
  EXPECT_HAS(parse_error("42"), "not a WordPress post: expected a post object or an array of posts, found a number");
  EXPECT_HAS(parse_error("\"text\""), "found a string");
  EXPECT_HAS(parse_error("null"), "found null");
  EXPECT_HAS(parse_error("true"), "found a boolean");
  EXPECT_TRUE(starts_with(parse_error("[]"), "posts/part-1.json: holds an empty array"));
}

TEST(WordpressJson, EmptyTitleNamesThePost) {
  for (const char* title : {"", "   ", "&nbsp;", "<b> </b>", "<script>x</script>"}) {
    const std::string message = parse_error(post_json(7, title).dump());
    EXPECT_EQ(message, "posts/part-1.json: post 7 has an empty title") << '"' << title << '"';
  }
}

TEST(WordpressJson, EmptyContentNamesThePost) {
  for (const char* content : {"", " \n\t", "\u00A0"}) {
    const std::string message = parse_error(post_json(7, "Part 1", content).dump());
    EXPECT_EQ(message, "posts/part-1.json: post 7 (\"Part 1\") has empty content") << '"' << content << '"';
  }
}

TEST(WordpressJson, ArrayOfPostsGivesIndexedOrigins) {
  json array = json::array({post_json(1), post_json(2), post_json(3)});
  const std::vector<Post> posts = parse_posts_json(array.dump(), "export.json");
  ASSERT_EQ(posts.size(), 3u);
  for (std::size_t i = 0; i < posts.size(); ++i) {
    EXPECT_EQ(posts[i].id, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(posts[i].origin, "export.json[" + std::to_string(i) + "]");
  }
}

TEST(WordpressJson, ErrorInsideArrayNamesTheEntry) {
  json array = json::array({post_json(1), post_json(2), post_json(3), post_json(4, "")});
  EXPECT_EQ(parse_error(array.dump(), "export.json"), "export.json[3]: post 4 has an empty title");
  json mixed = json::array({post_json(1), 5});
  EXPECT_TRUE(starts_with(parse_error(mixed.dump(), "export.json"),
                          "export.json[1]: not a WordPress post: expected a post object, found a number"));
}

TEST(WordpressJson, BuildErrorCarriesTheOrigin) {
  try {
    post_from_json(post_json(7, ""), "posts/x.json[2]");
    FAIL() << "expected BuildError";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), "posts/x.json[2]");
  }
}

TEST(WordpressJson, PostFromJsonRejectsNonObjects) {
  try {
    post_from_json(json::array(), "x.json");
    FAIL() << "expected BuildError";
  } catch (const BuildError& error) {
    EXPECT_EQ(std::string(error.what()), "x.json: not a WordPress post: expected a post object, found an array");
  }
}

TEST(WordpressJson, LooksLikePost) {
  EXPECT_TRUE(looks_like_post(post_json()));
  EXPECT_TRUE(looks_like_post(json{{"title", "T"}, {"content", "C"}}));
  EXPECT_TRUE(looks_like_post(json{{"title", {{"rendered", ""}}}, {"content", {{"rendered", ""}}}}));
  EXPECT_FALSE(looks_like_post(json{{"title", "T"}}));
  EXPECT_FALSE(looks_like_post(json{{"id", 1}, {"source_url", "x"}}));
  EXPECT_FALSE(looks_like_post(json{{"title", {{"raw", "T"}}}, {"content", "C"}}));
  EXPECT_FALSE(looks_like_post(json::array({post_json()})));
  EXPECT_FALSE(looks_like_post(json(5)));
}

}  // namespace
}  // namespace pb::sources
