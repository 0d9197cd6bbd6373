#include "sources/post_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/temp_dir.h"

namespace pb::sources {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json post_json(std::int64_t id, const std::string& title = "",
               const std::string& modified_gmt = "2024-04-13T14:00:00") {
  return json{{"id", id},
              {"title", {{"rendered", title.empty() ? "Post " + std::to_string(id) : title}}},
              {"content", {{"rendered", "<p>Body of " + std::to_string(id) + "</p>"}, {"protected", false}}},
              {"status", "publish"},
              {"modified_gmt", modified_gmt},
              {"link", "https://example.org/post-" + std::to_string(id) + "/"}};
}

class PostFiles : public testing::Test {
 protected:
  fs::path write_text(const std::string& relative, const std::string& text) {
    const fs::path path = dir_.path() / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  fs::path write(const std::string& relative, const json& value) { return write_text(relative, value.dump(2)); }

  std::vector<Post> load(const std::vector<std::string>& inputs) { return load_post_files(inputs, diagnostics_); }
  std::vector<Post> load_path(const fs::path& input) { return load({input.string()}); }

  // The message of the BuildError loading throws, or a note that none was thrown.
  std::string load_error(const std::vector<std::string>& inputs) {
    try {
      load(inputs);
    } catch (const BuildError& error) {
      return error.what();
    }
    return "<no BuildError>";
  }

  static std::vector<std::int64_t> ids(const std::vector<Post>& posts) {
    std::vector<std::int64_t> out;
    for (const Post& post : posts) out.push_back(post.id);
    return out;
  }

  std::string root() const { return dir_.path().string(); }

  TempDir dir_;
  Diagnostics diagnostics_;
};

TEST_F(PostFiles, FileNamedDirectly) {
  const fs::path path = write("part-1.json", post_json(11));
  const std::vector<Post> posts = load_path(path);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].id, 11);
  EXPECT_EQ(posts[0].origin, path.lexically_normal().string());
  EXPECT_EQ(posts[0].base_dir, dir_.path());
  EXPECT_TRUE(posts[0].base_dir.is_absolute());
  EXPECT_TRUE(diagnostics_.warnings().empty());
}

TEST_F(PostFiles, FolderSearchedRecursivelyInSortedOrder) {
  write("b.json", post_json(2));
  write("sub/deeper/0.json", post_json(4));
  write("a.json", post_json(1));
  write("sub/c.json", post_json(3));
  write("A/z.json", post_json(5));
  write("notes.txt", post_json(6));  // not .json: ignored
  write("sub/post.json.bak", post_json(7));
  const std::vector<Post> posts = load_path(dir_.path());
  EXPECT_EQ(ids(posts), (std::vector<std::int64_t>{5, 1, 2, 3, 4}));
  ASSERT_EQ(posts.size(), 5u);
  EXPECT_EQ(posts[3].base_dir, dir_.path() / "sub");
  EXPECT_EQ(posts[4].base_dir, dir_.path() / "sub" / "deeper");
  EXPECT_EQ(posts[4].origin, (dir_.path() / "sub" / "deeper" / "0.json").string());
}

TEST_F(PostFiles, ArrayFileInFolderGivesIndexedOrigins) {
  const fs::path path = write("export.json", json::array({post_json(1), post_json(2)}));
  const std::vector<Post> posts = load_path(dir_.path());
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[1].origin, path.string() + "[1]");
}

TEST_F(PostFiles, NonPostJsonInFoldersIsSkipped) {
  write("media.json", json{{"id", 9}, {"source_url", "https://example.org/a.jpg"}});
  write("manifest.json", json{{"series", json::array({"a"})}, {"content", "not a post"}});
  write("users.json", json::array({{{"id", 1}, {"name", "Jane"}, {"content", 3}}}));
  write_text("package.json", "{\"name\": \"x\"");  // malformed, but no post in sight
  write("posts/part-1.json", post_json(1));
  const std::vector<Post> posts = load_path(dir_.path());
  EXPECT_EQ(ids(posts), (std::vector<std::int64_t>{1}));
}

TEST_F(PostFiles, NonPostJsonNamedDirectlyIsAnError) {
  const fs::path path = write("media.json", json{{"id", 9}, {"source_url", "https://example.org/a.jpg"}});
  const std::string message = load_error({path.string()});
  EXPECT_NE(message.find(path.string() + ": not a WordPress post"), std::string::npos) << message;
}

TEST_F(PostFiles, MalformedPostFileInFolderIsAnError) {
  write("a.json", post_json(1));
  const fs::path bad = write_text("b.json", "{\"id\": 2, \"title\": \"x\", \"content\": ");
  const std::string message = load_error({root()});
  EXPECT_NE(message.find(bad.string() + ": malformed JSON"), std::string::npos) << message;
}

TEST_F(PostFiles, BrokenPostInFolderIsAnError) {
  write("a.json", post_json(1));
  json broken = post_json(2);
  broken["title"]["rendered"] = "";
  const fs::path bad = write("b.json", broken);
  EXPECT_EQ(load_error({root()}), bad.string() + ": post 2 has an empty title");
}

TEST_F(PostFiles, DuplicateIdentical) {
  write("a.json", post_json(1));
  write("copy/a.json", post_json(1));
  write("b.json", post_json(2));
  const std::vector<Post> posts = load_path(dir_.path());
  EXPECT_EQ(ids(posts), (std::vector<std::int64_t>{1, 2}));
  EXPECT_TRUE(diagnostics_.warnings().empty());
}

TEST_F(PostFiles, DuplicateDifferentKeepsTheMostRecentlyModified) {
  write("1-old.json", post_json(1, "Old title", "2024-01-01T00:00:00"));
  write("2-other.json", post_json(2));
  const fs::path newer = write("3-new.json", post_json(1, "New title", "2024-06-01T00:00:00"));
  const std::vector<Post> posts = load_path(dir_.path());
  ASSERT_EQ(ids(posts), (std::vector<std::int64_t>{1, 2}));  // keeps the first position
  EXPECT_EQ(posts[0].title, "New title");
  EXPECT_EQ(posts[0].origin, newer.string());
  const std::vector<std::string> warnings = diagnostics_.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("post 1 also appears in"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("1-old.json"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("3-new.json"), std::string::npos) << warnings[0];
}

TEST_F(PostFiles, DuplicateDifferentOlderCopyLoses) {
  write("1-new.json", post_json(1, "New title", "2024-06-01T00:00:00"));
  write("2-old.json", post_json(1, "Old title", "2024-01-01T00:00:00"));
  const std::vector<Post> posts = load_path(dir_.path());
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].title, "New title");
  EXPECT_EQ(diagnostics_.warnings().size(), 1u);
}

TEST_F(PostFiles, DraftsAndScheduledPostsAreLeftOutWithAWarning) {
  json draft = post_json(2);
  draft["status"] = "draft";
  json future = post_json(3);
  future["status"] = "future";
  json no_status = post_json(4);
  no_status.erase("status");
  write("posts.json", json::array({post_json(1), draft, future, no_status}));
  const std::vector<Post> posts = load_path(dir_.path());
  EXPECT_EQ(ids(posts), (std::vector<std::int64_t>{1, 4}));
  const std::vector<std::string> warnings = diagnostics_.warnings();
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("post 2"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("is not published (status \"draft\"); left out"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("status \"future\""), std::string::npos) << warnings[1];
}

TEST_F(PostFiles, MissingPathIsAnError) {
  const std::string missing = (dir_.path() / "nope.json").string();
  EXPECT_EQ(load_error({missing}), missing + ": no such file or folder");
}

TEST_F(PostFiles, FolderWithNoPostsIsAnError) {
  fs::create_directories(dir_.path() / "empty");
  const std::string empty = (dir_.path() / "empty").string();
  EXPECT_NE(load_error({empty}).find(empty + ": no WordPress posts found in this folder"), std::string::npos);
  write("other/media.json", json{{"id", 9}});
  write_text("other/readme.txt", "hello");
  const std::string other = (dir_.path() / "other").string();
  EXPECT_NE(load_error({other}).find(other + ": no WordPress posts found"), std::string::npos);
}

TEST_F(PostFiles, InputsKeepTheirOrder) {
  const fs::path single = write("z-single.json", post_json(9));
  write("folder/a.json", post_json(1));
  write("folder/b.json", post_json(2));
  const std::vector<Post> posts = load({single.string(), (dir_.path() / "folder").string()});
  EXPECT_EQ(ids(posts), (std::vector<std::int64_t>{9, 1, 2}));
}

TEST_F(PostFiles, InvalidUtf8FileIsAnError) {
  const fs::path path =
      write_text("latin1.json", std::string("{\"id\": 1, \"title\": \"caf\xE9\", \"content\": \"x\"}"));
  const std::string message = load_error({path.string()});
  EXPECT_NE(message.find("invalid UTF-8 at byte 23"), std::string::npos) << message;
}

TEST(PostFilesInput, IsLocalInput) {
  EXPECT_TRUE(is_local_input("posts/part-1.json"));
  EXPECT_TRUE(is_local_input("/abs/folder"));
  EXPECT_TRUE(is_local_input("C:relative"));
  EXPECT_FALSE(is_local_input("https://example.org/2024/04/post/"));
  EXPECT_FALSE(is_local_input("http://example.org"));
}

}  // namespace
}  // namespace pb::sources
