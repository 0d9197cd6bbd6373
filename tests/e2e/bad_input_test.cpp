// Bad input gets one clear line naming the file (and post) and the problem, the right exit
// code, no partial file, and the previous book untouched.
#include <gtest/gtest.h>

#include "e2e/support.h"

namespace pb::e2e {
namespace {

struct BadInput {
  std::string name;
  std::string file_content;  // written to posts/bad.json
  int exit_code;
  std::string message;  // must appear on stderr
};

std::string valid_post_json() {
  return wordpress_post(7, "Knots, Part 1", "<p>Fine.</p>", "https://blog.example.org/knots-1/").dump();
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, FailsClearlyAndLeavesThePreviousBookAlone) {
  const BadInput& bad = GetParam();
  ScratchDir scratch;
  const fs::path book = scratch / "out/book.epub";
  write_file(book, "the previous book");
  write_file(scratch / "posts/good.json", valid_post_json());
  write_file(scratch / "posts/bad.json", bad.file_content);
  const CommandResult result = postbinder(
      {"build", (scratch / "posts/good.json").string(), (scratch / "posts/bad.json").string(), "-o", book.string()});
  EXPECT_EQ(result.exit_code, bad.exit_code) << result.err;
  EXPECT_NE(result.err.find("bad.json"), std::string::npos) << "the message must name the file: " << result.err;
  EXPECT_NE(result.err.find(bad.message), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << "one line: " << result.err;
  EXPECT_EQ(read_file(book), "the previous book");
  EXPECT_EQ(std::distance(fs::directory_iterator(scratch / "out"), fs::directory_iterator()), 1)
      << "a temp file was left";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadInputTest,
    ::testing::Values(
        BadInput{"MalformedJson", "{\"id\": 1, \"title\": ", 1, "malformed JSON"},
        BadInput{"InvalidUtf8", "{\"id\": 1, \"title\": {\"rendered\": \"caf\xE9\"}}", 1, "invalid UTF-8 at byte 36"},
        BadInput{"NotAPost", R"({"name": "a media object", "source_url": "https://x/y.jpg"})", 1,
                 "not a WordPress post"},
        BadInput{"NotAnObject", "\"just a string\"", 1, "not a WordPress post"},
        BadInput{"EmptyArray", "[]", 1, "no posts"},
        BadInput{"EmptyTitle", wordpress_post(9, "  ", "<p>Text.</p>", "https://blog.example.org/nine/").dump(), 1,
                 "post 9 has an empty title"},
        BadInput{"EmptyContent",
                 wordpress_post(10, "Knots, Part 2", "<p>&nbsp;</p>", "https://blog.example.org/ten/").dump(), 1,
                 "post 10"},
        BadInput{"NoContentField", R"({"id": 12, "title": {"rendered": "A title"}})", 1, "no \"content.rendered\""}),
    [](const ::testing::TestParamInfo<BadInput>& param_info) { return param_info.param.name; });

TEST(BadInput, EmptyContentIsDetectedWhenItIsOnlyWhitespace) {
  ScratchDir scratch;
  write_file(scratch / "blank.json", wordpress_post(10, "Knots", " \n\t ", "https://blog.example.org/ten/").dump());
  const CommandResult result = postbinder({"series", (scratch / "blank.json").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("has empty content"), std::string::npos) << result.err;
}

TEST(BadInput, AFolderWithoutPostsIsAnError) {
  ScratchDir scratch;
  write_file(scratch / "folder/readme.txt", "nothing here");
  write_file(scratch / "folder/manifest.json", R"({"series": []})");
  const CommandResult result =
      postbinder({"build", (scratch / "folder").string(), "-o", (scratch / "x.epub").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("no WordPress posts found"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(scratch / "x.epub"));
}

TEST(BadInput, AMissingInputIsNamed) {
  ScratchDir scratch;
  const CommandResult result = postbinder({"series", (scratch / "nowhere.json").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("nowhere.json: no such file or folder"), std::string::npos) << result.err;
}

TEST(BadInput, AnUnknownSeriesIsAUsageErrorListingTheSeries) {
  ScratchDir scratch;
  write_file(scratch / "book.epub", "the previous book");
  const CommandResult result = postbinder(
      {"build", examples_dir().string(), "-o", (scratch / "book.epub").string(), "--series", "Quantum Knitting"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("no series matches \"Quantum Knitting\""), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("Building Healthy Garden Soil"), std::string::npos) << result.err;
  EXPECT_EQ(read_file(scratch / "book.epub"), "the previous book");
}

TEST(BadInput, AnOutputFolderThatDoesNotExistFailsCleanly) {
  ScratchDir scratch;
  const CommandResult result =
      postbinder({"build", examples_dir().string(), "-o", (scratch / "missing/folder/book.epub").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("does not exist"), std::string::npos) << result.err;
}

TEST(BadInput, AReadOnlyOutputFolderFailsCleanly) {
  if (geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
  ScratchDir scratch;
  fs::create_directories(scratch / "locked");
  write_file(scratch / "locked/book.epub", "the previous book");
  fs::permissions(scratch / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  const CommandResult result =
      postbinder({"build", examples_dir().string(), "-o", (scratch / "locked/book.epub").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(read_file(scratch / "locked/book.epub"), "the previous book");
}

TEST(BadInput, AnUnwritableOutputFolderFailsCleanly) {
  // /proc refuses new files even to root, which the read-only test above cannot stop.
  const CommandResult result = postbinder({"build", examples_dir().string(), "-o", "/proc/postbinder-book.epub"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cannot write the book"), std::string::npos) << result.err;
}

TEST(BadInput, DraftsAreLeftOutWithAWarning) {
  ScratchDir scratch;
  nlohmann::json draft = wordpress_post(5, "Knots, Part 2", "<p>Draft.</p>", "https://blog.example.org/?p=5");
  draft["status"] = "draft";
  nlohmann::json posts = nlohmann::json::array({nlohmann::json::parse(valid_post_json()), draft});
  write_file(scratch / "posts.json", posts.dump());
  const CommandResult result = postbinder({"series", "--json", (scratch / "posts.json").string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("not published"), std::string::npos) << result.err;
  EXPECT_EQ(result.out.find("\"id\":5"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace pb::e2e
