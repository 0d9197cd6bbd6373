// Books cannot carry iframes, players or scripts: an embed (YouTube, Vimeo, a tweet, any
// iframe or media element) becomes a paragraph that links to what it showed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pb::transform {

struct EmbedLink {
  std::string url;    // where a reader can watch or read it
  std::string label;  // "Video on YouTube: How compost works"
};

// src: the absolute URL of the embed; title: its title attribute, may be empty;
// kind: "iframe", "video", "audio" or "object".
std::optional<EmbedLink> embed_link(std::string_view src, std::string_view title, std::string_view kind);

}  // namespace pb::transform
