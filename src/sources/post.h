// A blog post as every source (JSON files, the REST API, feeds, WXR) delivers it to the rest
// of the pipeline: titles already decoded to plain text, content still HTML.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pb::sources {

struct FeaturedImage {
  std::string url;      // the largest available rendition
  std::string alt;      // alt_text, may be empty
  std::string caption;  // plain text
  int width = 0;
  int height = 0;
};

struct Post {
  std::int64_t id = 0;
  std::string title;  // plain text: entities decoded, tags removed, whitespace collapsed
  std::string slug;
  std::string link;            // the post's public URL; relative URLs in the content resolve against it
  std::string guid;            // "https://site/?p=123", another way other posts link to this one
  std::string date;            // site-local time as WordPress writes it: "2024-04-12T10:15:30"
  std::string date_gmt;        // "2024-04-12T14:15:30"
  std::string modified_gmt;    // "2024-04-10T14:15:51"
  std::string content_html;    // content.rendered
  bool is_protected = false;   // password-protected: listed, never bound
  bool content_loaded = true;  // false for posts listed from a site without their content
  std::string status;          // "publish" (or empty when the source does not say); others are never bound
  std::string author;          // display name; empty when the source does not say
  std::int64_t author_id = 0;
  std::vector<std::string> categories;  // names, when the source embeds them
  std::vector<std::string> tags;
  std::int64_t featured_media = 0;
  std::optional<FeaturedImage> featured_image;

  // Where the post came from, for messages: "posts/part-2.json" or "posts.json[3]" or a URL.
  std::string origin;
  // Folder that relative image paths in a local file resolve against; empty for remote posts.
  std::filesystem::path base_dir;

  // "post 43121 (posts/part-2.json)": how messages name this post.
  std::string describe() const;
};

}  // namespace pb::sources
