// `postbinder series`: the report of series, parts, gaps and standalone posts.
#include <gtest/gtest.h>

#include "e2e/support.h"

namespace pb::e2e {
namespace {

TEST(Series, JsonReportOfTheExamplesIsExact) {
  const CommandResult result = postbinder({"series", "--json", examples_dir().string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(
      result.out,
      R"({"series":[{"title":"Building Healthy Garden Soil","parts":[)"
      R"({"id":1201,"part":1,"title":"Building Healthy Garden Soil, Part 1: Reading What You Have","link":"https://gardenpath.example.org/2024/03/05/building-healthy-garden-soil-part-1-reading-what-you-have/"},)"
      R"({"id":1215,"part":2,"title":"Building Healthy Garden Soil – Part 2: Compost That Works","link":"https://gardenpath.example.org/2024/03/19/building-healthy-garden-soil-part-2-compost-that-works/"},)"
      R"({"id":1233,"part":3,"title":"Building Healthy Garden Soil, Part Three: Cover Crops and Rest","link":"https://gardenpath.example.org/2024/04/02/building-healthy-garden-soil-part-three-cover-crops-and-rest/"}],)"
      R"("missing":[]}],"standalone":[]})"
      "\n");
}

TEST(Series, TheSeedPostIsPartTwoWithPartOneMissing) {
  if (seed_post().empty()) GTEST_SKIP() << "../shared/corpus/seed is not present";
  const CommandResult result = postbinder({"series", "--json", seed_post().string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  ASSERT_EQ(report["series"].size(), 1u);
  EXPECT_EQ(report["series"][0]["title"], "What am I missing?");
  EXPECT_EQ(report["series"][0]["parts"][0]["part"], 2);
  EXPECT_EQ(report["series"][0]["parts"][0]["id"], 43121);
  EXPECT_EQ(report["series"][0]["missing"], nlohmann::json::array({1}));
}

TEST(Series, StandalonePostsAreListedApartAndGapsReported) {
  ScratchDir scratch;
  nlohmann::json posts = nlohmann::json::array();
  posts.push_back(
      wordpress_post(11, "Knots, Part 1", "<p>One.</p>", "https://blog.example.org/knots-1/", "2024-01-01T00:00:00"));
  posts.push_back(
      wordpress_post(13, "Knots, Part 3", "<p>Three.</p>", "https://blog.example.org/knots-3/", "2024-01-03T00:00:00"));
  posts.push_back(wordpress_post(20, "Being Part of a Community", "<p>Alone.</p>",
                                 "https://blog.example.org/community/", "2024-01-02T00:00:00"));
  write_file(scratch / "posts.json", posts.dump());
  const CommandResult json = postbinder({"series", "--json", (scratch / "posts.json").string()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(
      json.out,
      R"({"series":[{"title":"Knots","parts":[{"id":11,"part":1,"title":"Knots, Part 1","link":"https://blog.example.org/knots-1/"},)"
      R"({"id":13,"part":3,"title":"Knots, Part 3","link":"https://blog.example.org/knots-3/"}],"missing":[2]}],)"
      R"("standalone":[{"id":20,"title":"Being Part of a Community"}]})"
      "\n");
  const CommandResult text = postbinder({"series", (scratch / "posts.json").string()});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("missing part 2"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Standalone posts:"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Being Part of a Community"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace pb::e2e
