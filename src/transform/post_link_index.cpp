#include "transform/post_link_index.h"

#include "common/text.h"
#include "common/url.h"

namespace pb::transform {

namespace {

// "p=123" or "page_id=123" from a query string.
std::string post_id_in_query(std::string_view query) {
  for (std::string_view pair : text::split(query, '&')) {
    for (std::string_view key : {"p=", "page_id="})
      if (pair.starts_with(key)) return std::string(pair.substr(key.size()));
  }
  return {};
}

// Tag, category, author and pagination archives can end in a post's slug without being it.
bool is_archive(std::string_view path) {
  for (std::string_view segment : text::split(path, '/'))
    for (std::string_view archive : {"tag", "category", "author", "page", "feed", "search"})
      if (segment == archive) return true;
  return false;
}

std::string last_segment(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace

void PostLinkIndex::add(const sources::Post& post, std::size_t chapter) {
  for (const std::string* address : {&post.link, &post.guid}) {
    if (address->empty()) continue;
    by_page_.emplace(url::page_key(*address), chapter);
  }
  const std::optional<url::Parts> parts = url::parse(post.link.empty() ? post.guid : post.link);
  if (!parts) return;
  const std::string host = url::without_www(parts->host);
  by_host_and_id_.emplace(host + "#" + std::to_string(post.id), chapter);
  // WordPress returns non-ASCII slugs percent-encoded ("caf%c3%a9"): compare decoded forms.
  if (!post.slug.empty()) by_host_and_slug_.emplace(host + "/" + url::percent_decode(post.slug), chapter);
}

std::optional<std::size_t> PostLinkIndex::find(std::string_view absolute_url) const {
  if (const auto it = by_page_.find(url::page_key(url::without_fragment(absolute_url))); it != by_page_.end())
    return it->second;
  const std::optional<url::Parts> parts = url::parse(absolute_url);
  if (!parts || (parts->scheme != "http" && parts->scheme != "https")) return std::nullopt;
  const std::string host = url::without_www(parts->host);
  if (const std::string id = post_id_in_query(parts->query); !id.empty())
    if (const auto it = by_host_and_id_.find(host + "#" + id); it != by_host_and_id_.end()) return it->second;
  if (const std::string slug = last_segment(parts->path); !slug.empty() && !is_archive(parts->path))
    if (const auto it = by_host_and_slug_.find(host + "/" + url::percent_decode(slug)); it != by_host_and_slug_.end())
      return it->second;
  return std::nullopt;
}

}  // namespace pb::transform
