#include "cli/post_loading.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "collect/part_title.h"
#include "common/error.h"
#include "common/text.h"
#include "common/url.h"
#include "sources/feed_reader.h"
#include "sources/html_text.h"
#include "sources/post_files.h"

namespace pb::cli {

namespace {

namespace fs = std::filesystem;

// How many rounds of "follow the links in the parts found so far" a post URL gets.
constexpr int kLinkRounds = 3;

std::optional<collect::PartTitle> series_marker(const sources::Post& post) {
  if (auto marker = collect::parse_part_title(post.title)) return marker;
  return collect::parse_part_slug(post.slug);
}

std::string last_segment(const std::string& address) {
  const auto parts = url::parse(address);
  if (!parts) return "";
  std::string path = parts->path;
  while (!path.empty() && path.back() == '/') path.pop_back();
  return url::percent_decode(path.substr(path.rfind('/') + 1));
}

// The other parts of the series a post belongs to: a search for the series name, then the
// links between parts, followed a few rounds.
std::vector<sources::Post> series_around(sources::WordPressSite& site, sources::Post given, Diagnostics& diagnostics) {
  const std::optional<collect::PartTitle> marker = series_marker(given);
  std::vector<sources::Post> found = {std::move(given)};
  if (!marker) return found;
  std::set<std::int64_t> known = {found.front().id};
  std::set<std::string> asked_slugs = {found.front().slug};
  const auto belongs = [&](const sources::Post& post) {
    const auto candidate = series_marker(post);
    return candidate && candidate->key == marker->key;
  };
  const auto consider = [&](std::vector<sources::Post> posts) {
    for (sources::Post& post : posts)
      if (belongs(post) && known.insert(post.id).second) found.push_back(std::move(post));
  };
  consider(site.search(marker->stem, 100));
  const std::string host = url::site_name(found.front().link);
  std::size_t scanned = 0;
  for (int round = 0; round < kLinkRounds && scanned < found.size(); ++round) {
    std::vector<std::string> slugs;
    for (; scanned < found.size(); ++scanned)
      for (const std::string& link : sources::links_in_html(found[scanned].content_html, found[scanned].link))
        if (url::site_name(link) == host)
          if (std::string slug = last_segment(link); !slug.empty() && asked_slugs.insert(slug).second)
            slugs.push_back(slug);
    if (slugs.empty()) break;
    for (std::size_t from = 0; from < slugs.size(); from += 100)
      consider(site.fetch_posts_by_slug(
          std::vector<std::string>(slugs.begin() + static_cast<std::ptrdiff_t>(from),
                                   slugs.begin() + static_cast<std::ptrdiff_t>(std::min(slugs.size(), from + 100)))));
  }
  diagnostics.note("found " + std::to_string(found.size()) + " part(s) of \"" + marker->stem + "\" on " + site.home());
  return found;
}

// /category/<slug>/ and /tag/<slug>/ archives bind the posts they list.
sources::SiteFilters filters_for(const std::string& address, sources::SiteFilters filters) {
  const auto parts = url::parse(address);
  if (!parts) return filters;
  const std::vector<std::string_view> segments = text::split(parts->path, '/');
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    if (segments[i] == "category" && filters.category.empty() && !segments[i + 1].empty())
      filters.category = url::percent_decode(segments[i + 1]);
    if (segments[i] == "tag" && filters.tag.empty() && !segments[i + 1].empty())
      filters.tag = url::percent_decode(segments[i + 1]);
  }
  return filters;
}

std::string with_page(const std::string& address, int page) {
  const std::size_t fragment = address.find('#');
  const std::string base = address.substr(0, fragment);
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "paged=" + std::to_string(page);
}

// A feed holds the latest ten items; WordPress serves older ones at ?paged=2, 3...
void load_feed_url(const std::string& address, const std::string& first_page, NetworkSession& network,
                   LoadedPosts& loaded, Diagnostics& diagnostics) {
  std::set<std::int64_t> seen;
  std::vector<sources::Post> first = sources::read_feed(first_page, address, diagnostics);
  for (sources::Post& post : first) {
    seen.insert(post.id);
    loaded.add(std::move(post));
  }
  constexpr int kMostFeedPages = 50;
  for (int page = 2; page <= kMostFeedPages; ++page) {
    const net::HttpResponse response = network.client().fetch(with_page(address, page), net::BodyMode::Memory);
    if (!response.ok() || sources::detect_xml_source(response.body) == sources::XmlSourceKind::NotXmlFeed) break;
    Diagnostics quiet;
    quiet.set_quiet(true);
    std::vector<sources::Post> more;
    try {
      more = sources::read_feed(response.body, response.url, quiet);
    } catch (const BuildError&) {
      break;  // past the last page some sites answer with an empty feed
    }
    std::size_t added = 0;
    for (sources::Post& post : more)
      if (seen.insert(post.id).second) {
        loaded.add(std::move(post));
        ++added;
      }
    if (added == 0) break;  // a feed that ignores ?paged answers the same items again
  }
  diagnostics.note("read " + std::to_string(seen.size()) + " items from the feed " + address);
}

void load_xml_file(const fs::path& path, LoadedPosts& loaded, Diagnostics& diagnostics) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  const std::string text = std::move(buffer).str();
  const std::string origin = path.lexically_normal().string();
  std::vector<sources::Post> posts;
  switch (sources::detect_xml_source(text)) {
    case sources::XmlSourceKind::Wxr:
      posts = sources::read_wxr(text, origin, diagnostics);
      break;
    case sources::XmlSourceKind::Rss:
    case sources::XmlSourceKind::Atom:
      posts = sources::read_feed(text, origin, diagnostics);
      break;
    case sources::XmlSourceKind::NotXmlFeed:
      throw BuildError(origin, "is XML, but not an RSS or Atom feed or a WordPress export (WXR)");
  }
  for (sources::Post& post : posts) loaded.add(std::move(post));
}

// Local files whose first character is '<' are feeds or exports; everything else is JSON.
bool is_xml_file(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return false;
  std::ifstream stream(path, std::ios::binary);
  char head[256] = {};
  stream.read(head, sizeof head);
  std::string_view text(head, static_cast<std::size_t>(stream.gcount()));
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<';
}

void load_url(const std::string& address, const sources::SiteFilters& filters, NetworkSession& network,
              LoadedPosts& loaded, Diagnostics& diagnostics) {
  std::optional<sources::WordPressSite> found =
      sources::WordPressSite::remembered(network.client(), address, diagnostics);
  if (!found) {
    const net::HttpResponse page = network.client().fetch(address, net::BodyMode::Memory);
    if (page.ok() && sources::detect_xml_source(page.body) != sources::XmlSourceKind::NotXmlFeed) {
      load_feed_url(address, page.body, network, loaded, diagnostics);
      return;
    }
    found = sources::WordPressSite::discover(network.client(), address, diagnostics, &page);
  }
  auto site = std::make_unique<sources::WordPressSite>(std::move(*found));
  sources::WordPressSite* kept = loaded.keep_site(std::move(site));
  const sources::SiteFilters wanted = filters_for(address, filters);
  const bool archive = wanted.category != filters.category || wanted.tag != filters.tag;
  if (!archive)
    if (std::optional<sources::Post> post = kept->post_at(address)) {
      for (sources::Post& part : series_around(*kept, std::move(*post), diagnostics)) loaded.add(std::move(part));
      return;
    }
  std::vector<sources::Post> listed = kept->list_posts(wanted);
  if (listed.empty())
    throw BuildError(address, "the site lists no published posts" + std::string(archive ? " in this archive" : ""));
  diagnostics.note("listed " + std::to_string(listed.size()) + " posts on " + kept->home());
  for (sources::Post& post : listed) loaded.add(std::move(post), kept);
}

}  // namespace

void LoadedPosts::add(sources::Post post, sources::WordPressSite* site) {
  // The same post reached twice (two URLs of one series): keep the first copy.
  if (!seen_.emplace(post.id, post.link).second) return;
  posts.push_back(std::move(post));
  site_of_.push_back(site);
}

sources::WordPressSite* LoadedPosts::keep_site(std::unique_ptr<sources::WordPressSite> site) {
  sites_.push_back(std::move(site));
  return sites_.back().get();
}

void LoadedPosts::complete(const std::vector<const sources::Post*>& needed) {
  std::map<sources::WordPressSite*, std::vector<std::size_t>> by_site;
  for (const sources::Post* wanted : needed) {
    const auto index = static_cast<std::size_t>(wanted - posts.data());
    if (index < posts.size() && !posts[index].content_loaded && site_of_[index])
      by_site[site_of_[index]].push_back(index);
  }
  for (auto& [site, indices] : by_site) {
    std::vector<std::int64_t> ids;
    for (std::size_t index : indices) ids.push_back(posts[index].id);
    std::map<std::int64_t, sources::Post> fetched;
    for (sources::Post& post : site->fetch_posts(ids)) fetched.emplace(post.id, std::move(post));
    for (std::size_t index : indices) {
      const auto it = fetched.find(posts[index].id);
      if (it == fetched.end())
        throw BuildError(posts[index].link, "the site no longer returns post " + std::to_string(posts[index].id));
      posts[index] = std::move(it->second);
    }
  }
}

sources::SiteFilters site_filters(const SiteSelection& selection) {
  return sources::SiteFilters{selection.category, selection.tag, selection.after, selection.before};
}

LoadedPosts load_posts(const std::vector<std::string>& inputs, const sources::SiteFilters& filters,
                       NetworkSession& network, Diagnostics& diagnostics) {
  LoadedPosts loaded;
  std::vector<std::string> local;
  for (const std::string& input : inputs) {
    if (sources::is_local_input(input)) {
      if (is_xml_file(input)) {
        load_xml_file(input, loaded, diagnostics);
      } else {
        local.push_back(input);
      }
      continue;
    }
    if (!url::is_fetchable(input)) throw UsageError("\"" + input + "\": only http and https URLs can be read");
    load_url(input, filters, network, loaded, diagnostics);
  }
  if (!local.empty())
    for (sources::Post& post : sources::load_post_files(local, diagnostics)) loaded.add(std::move(post));
  return loaded;
}

}  // namespace pb::cli
