#include "sources/post_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/parallel.h"
#include "sources/wordpress_json.h"

namespace pb::sources {

namespace fs = std::filesystem;

namespace {

// Post JSON bigger than this is not a blog post; refuse before reading it into memory.
constexpr std::uintmax_t kMaxFileBytes = 256u * 1024 * 1024;

std::string read_file(const fs::path& path) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  if (error) throw BuildError(path.string(), "cannot read: " + error.message());
  if (size > kMaxFileBytes)
    throw BuildError(path.string(), "is " + std::to_string(size >> 20) + " MB, too large for a post file");
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw BuildError(path.string(), "cannot open the file");
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  if (stream.bad()) throw BuildError(path.string(), "cannot read the file");
  return std::move(buffer).str();
}

std::vector<fs::path> json_files_under(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  if (error) throw BuildError(folder.string(), "cannot read the folder: " + error.message());
  for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
    if (error) throw BuildError(folder.string(), "cannot read the folder: " + error.message());
    if (it->is_regular_file(error) && it->path().extension() == ".json") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Loader {
  Diagnostics& diagnostics;
  std::vector<Post> posts;
  std::map<std::int64_t, std::size_t> index_by_id;
  std::size_t skipped_files = 0;
  std::size_t files_with_posts = 0;

  void add(Post post) {
    const auto [it, inserted] = index_by_id.emplace(post.id, posts.size());
    if (inserted) {
      posts.push_back(std::move(post));
      return;
    }
    Post& kept = posts[it->second];
    if (kept.content_html == post.content_html && kept.title == post.title) return;  // the same post twice
    diagnostics.warn(post.origin, "post " + std::to_string(post.id) + " also appears in " + kept.origin +
                                      " with different content; keeping the most recently modified copy");
    if (post.modified_gmt > kept.modified_gmt) kept = std::move(post);
  }

  struct ParsedFile {
    bool skipped = false;  // JSON that holds no posts, found in a folder
    std::vector<Post> posts;
  };

  // from_folder: files found by searching a folder may be other JSON (media, manifests): skip them.
  // Touches nothing shared, so the files of a folder are parsed on every core.
  static ParsedFile parse_file(const fs::path& path, bool from_folder) {
    const std::string origin = path.lexically_normal().string();
    const std::string text = read_file(path);
    ParsedFile parsed;
    if (from_folder && !might_hold_posts(text)) {
      parsed.skipped = true;
      return parsed;
    }
    try {
      parsed.posts = parse_posts_json(text, origin);
    } catch (const BuildError&) {
      if (from_folder && !holds_post_objects(text)) {
        parsed.skipped = true;
        return parsed;
      }
      throw;
    }
    const fs::path folder = fs::absolute(path).parent_path();
    for (Post& post : parsed.posts) post.base_dir = folder;
    return parsed;
  }

  // Files are merged in the order given, whatever order they were parsed in: the same posts win
  // and the same warnings come out in the same order.
  void merge(ParsedFile parsed) {
    if (parsed.skipped) {
      ++skipped_files;
      return;
    }
    ++files_with_posts;
    drop_unpublished(parsed.posts);
    for (Post& post : parsed.posts) add(std::move(post));
  }

  void load_files(const std::vector<fs::path>& paths, bool from_folder) {
    std::vector<ParsedFile> parsed(paths.size());
    parallel_for(paths.size(), [&](std::size_t i) { parsed[i] = parse_file(paths[i], from_folder); });
    for (ParsedFile& file : parsed) merge(std::move(file));
  }

  // A cheap test before parsing: every post has a "content" key.
  static bool might_hold_posts(const std::string& text) { return text.find("\"content\"") != std::string::npos; }

  static bool holds_post_objects(const std::string& text) {
    const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
    if (document.is_discarded()) return true;  // malformed JSON that mentions content: report it
    if (document.is_array()) return std::any_of(document.begin(), document.end(), looks_like_post);
    return looks_like_post(document);
  }

  void drop_unpublished(std::vector<Post>& found) {
    std::erase_if(found, [&](const Post& post) {
      if (post.status.empty() || post.status == "publish") return false;
      diagnostics.warn(post.describe(), "is not published (status \"" + post.status + "\"); left out");
      return true;
    });
  }
};

}  // namespace

bool is_local_input(const std::string& input) {
  return input.find("://") == std::string::npos;
}

std::vector<Post> load_post_files(const std::vector<std::string>& inputs, Diagnostics& diagnostics) {
  Loader loader{diagnostics, {}, {}, 0, 0};
  for (const std::string& input : inputs) {
    const fs::path path(input);
    std::error_code error;
    if (fs::is_directory(path, error)) {
      const std::size_t before = loader.files_with_posts;
      loader.load_files(json_files_under(path), true);
      if (loader.files_with_posts == before)
        throw BuildError(input, "no WordPress posts found in this folder (searched its .json files recursively)");
    } else if (fs::exists(path, error)) {
      loader.load_files({path}, false);
    } else {
      throw BuildError(input, "no such file or folder");
    }
  }
  if (loader.skipped_files > 0)
    diagnostics.note("skipped " + std::to_string(loader.skipped_files) + " JSON file(s) that hold no posts");
  return std::move(loader.posts);
}

}  // namespace pb::sources
