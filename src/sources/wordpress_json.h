// Reads WordPress REST API post objects (as /wp/v2/posts and /wp/v2/posts/<id> return them,
// with or without _embed) into Post records.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "sources/post.h"

namespace pb::sources {

// True when the object has the fields of a post (title and content), whatever its status.
bool looks_like_post(const nlohmann::json& object);

// How strict reading is. Files must hold complete posts; a site listing fetched with _fields
// has no content yet, and a live site's untitled post should not stop the crawl.
struct PostReading {
  bool content_required = true;  // false: content may be absent (Post::content_loaded = false)
  bool title_required = true;    // false: an empty title becomes "Untitled post <id>"
};

// One post object. Throws BuildError naming origin (and the post id) when a required field is
// missing or empty.
Post post_from_json(const nlohmann::json& object, const std::string& origin, PostReading reading = {});

// The text of a JSON file holding one post object or an array of them. Throws BuildError for
// malformed JSON, invalid UTF-8, or JSON that is not posts.
std::vector<Post> parse_posts_json(std::string_view text, const std::string& origin);

}  // namespace pb::sources
