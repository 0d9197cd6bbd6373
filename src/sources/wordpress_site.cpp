#include "sources/wordpress_site.h"

#include <gumbo.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/error.h"
#include "common/libcurl.h"
#include "common/text.h"
#include "common/url.h"
#include "sources/html_text.h"
#include "sources/parsed_html.h"
#include "sources/wordpress_json.h"

namespace pb::sources {

namespace {

using nlohmann::json;

constexpr const char* kApiRelation = "https://api.w.org/";
constexpr int kPerPage = 100;
constexpr int kMostPages = 1000;  // 100,000 posts: beyond that the site is not a blog

std::string escape_query(const std::string& value) {
  char* escaped = libcurl().easy_escape(nullptr, value.c_str(), static_cast<int>(value.size()));
  std::string out = escaped ? escaped : "";
  libcurl().free(escaped);
  return out;
}

std::string origin_of(const url::Parts& parts) {
  return parts.scheme + "://" + parts.host + (parts.port.empty() ? "" : ":" + parts.port);
}

// "/blog/2024/04/slug/" -> {"", "/blog", "/blog/2024", ...}: where WordPress may be installed.
std::vector<std::string> install_prefixes(const std::string& path) {
  std::vector<std::string> prefixes = {""};
  std::string prefix;
  for (std::string_view segment : text::split(path, '/')) {
    if (segment.empty()) continue;
    prefix += "/" + std::string(segment);
    prefixes.push_back(prefix);
    if (prefixes.size() >= 3) break;
  }
  return prefixes;
}

// <link rel=... href=...> elements of an HTML page: the API root and the feed.
struct PageLinks {
  std::string api_root;
  std::string feed;
};

PageLinks links_in_page(const std::string& html) {
  PageLinks links;
  ParsedHtml(html, ParsedHtml::Mode::Document).walk([&](const GumboNode& node) {
    if (node.type != GUMBO_NODE_ELEMENT || node.v.element.tag != GUMBO_TAG_LINK) return true;
    const GumboVector* attributes = &node.v.element.attributes;
    const GumboAttribute* rel = gumbo_get_attribute(attributes, "rel");
    const GumboAttribute* href = gumbo_get_attribute(attributes, "href");
    const GumboAttribute* type = gumbo_get_attribute(attributes, "type");
    if (rel && href && std::string_view(rel->value) == kApiRelation && links.api_root.empty())
      links.api_root = href->value;
    if (rel && href && type && text::iequals(rel->value, "alternate") && links.feed.empty() &&
        (std::string_view(type->value) == "application/rss+xml" ||
         std::string_view(type->value) == "application/atom+xml"))
      links.feed = href->value;
    return true;
  });
  return links;
}

bool looks_like_wordpress(const std::string& html) {
  return html.find("/wp-content/") != std::string::npos || html.find("/wp-includes/") != std::string::npos ||
         html.find("content=\"WordPress") != std::string::npos;
}

// {"code": "rest_forbidden", "message": "..."} from an error body, or "".
std::string wordpress_error_code(const std::string& body) {
  const json error = json::parse(body, nullptr, false);
  if (error.is_object() && error.contains("code") && error["code"].is_string()) return error["code"].get<std::string>();
  return "";
}

std::string describe_failure(const net::HttpResponse& response) {
  std::string text = response.error;
  if (const std::string code = wordpress_error_code(response.body); !code.empty()) text += " (" + code + ")";
  return text;
}

std::string join_ids(const std::vector<std::int64_t>& ids, std::size_t from, std::size_t count) {
  std::string joined;
  for (std::size_t i = from; i < from + count && i < ids.size(); ++i)
    joined += (joined.empty() ? "" : ",") + std::to_string(ids[i]);
  return joined;
}

std::string with_time(const std::string& date) {
  return date.size() == 10 ? date + "T00:00:00" : date;
}

constexpr const char* kListFields =
    "id,date,date_gmt,modified_gmt,slug,status,link,title,guid,author,featured_media,content.protected";

}  // namespace

std::string link_header_target(const std::string& header, const std::string& relation) {
  std::size_t at = 0;
  while ((at = header.find('<', at)) != std::string::npos) {
    const std::size_t close = header.find('>', at);
    if (close == std::string::npos) break;
    const std::string target = header.substr(at + 1, close - at - 1);
    const std::size_t next = header.find('<', close);
    const std::string params =
        header.substr(close + 1, next == std::string::npos ? std::string::npos : next - close - 1);
    if (params.find("rel=\"" + relation + "\"") != std::string::npos ||
        params.find("rel=" + relation) != std::string::npos)
      return target;
    at = close;
  }
  return "";
}

std::string WordPressSite::endpoint(const std::string& route, const Query& query) const {
  // Sites without pretty permalinks answer at ?rest_route=/...; further parameters follow with &.
  const bool query_style = root_.find("rest_route=") != std::string::npos;
  std::string address = root_;
  if (!query_style && !address.empty() && address.back() != '/') address += '/';
  address += route;
  char separator = query_style ? '&' : '?';
  for (const auto& [key, value] : query) {
    address += separator;
    address += key;
    if (!value.empty()) address += "=" + escape_query(value);
    separator = '&';
  }
  return address;
}

WordPressSite WordPressSite::discover(net::HttpClient& http, const std::string& address, Diagnostics& diagnostics,
                                      const net::HttpResponse* fetched_page) {
  const std::optional<url::Parts> parts = url::parse(address);
  if (!parts || (parts->scheme != "http" && parts->scheme != "https"))
    throw BuildError(address, "not an http or https URL");
  const std::string origin = origin_of(*parts);

  if (std::optional<WordPressSite> site = remembered(http, address, diagnostics)) return std::move(*site);
  const std::string memory_key = "wordpress-api-root:" + address;

  const net::HttpResponse page = fetched_page ? *fetched_page : http.fetch(address, net::BodyMode::Memory);
  if (page.status == 0 && !page.ok()) throw BuildError(address, "cannot reach " + parts->host + ": " + page.error);

  std::vector<std::string> roots;
  const auto add_root = [&](const std::string& candidate) {
    if (const auto absolute = url::resolve(address, candidate);
        absolute && url::is_fetchable(*absolute) && std::find(roots.begin(), roots.end(), *absolute) == roots.end())
      roots.push_back(*absolute);
  };
  if (const std::string target = link_header_target(page.header("link"), kApiRelation); !target.empty())
    add_root(target);
  const PageLinks page_links = page.ok() ? links_in_page(page.body) : PageLinks{};
  if (!page_links.api_root.empty()) add_root(page_links.api_root);
  const std::vector<std::string> prefixes = install_prefixes(parts->path);
  for (const std::string& prefix : prefixes) add_root(origin + prefix + "/wp-json/");
  for (const std::string& prefix : prefixes) add_root(origin + prefix + "/?rest_route=/");

  std::string refusal;
  for (const std::string& root : roots) {
    net::HttpResponse answer;
    if (std::optional<WordPressSite> site = probe(http, root, diagnostics, &answer)) {
      http.cache().remember(memory_key, root);
      return std::move(*site);
    }
    if ((answer.status == 401 || answer.status == 403) && refusal.empty())
      refusal = root + " answered " + describe_failure(answer);
    if (answer.status == 0 && !answer.ok())
      throw BuildError(address, "cannot reach " + parts->host + ": " + answer.error);
  }
  const std::string feed = page_links.feed.empty() ? origin + "/feed/" : page_links.feed;
  if (!refusal.empty())
    throw BuildError(address, "the WordPress REST API refused access: " + refusal +
                                  "; a security plugin may block it. Read the site's feed instead: " + feed);
  if (!page.ok() && page.status != 404) throw BuildError(address, "the page answered " + page.error);
  if (!page.ok() || !looks_like_wordpress(page.body))
    throw BuildError(address,
                     "does not look like a WordPress site: no REST API at /wp-json/ or ?rest_route=/ and no WordPress "
                     "markup in the page");
  throw BuildError(
      address,
      "this WordPress site has no REST API (both /wp-json/ and ?rest_route=/ answer 404). Read its feed instead: " +
          feed);
}

std::optional<WordPressSite> WordPressSite::remembered(net::HttpClient& http, const std::string& address,
                                                       Diagnostics& diagnostics) {
  // A site found before is probed at its known API root: no page fetch, and the probe is a
  // conditional request the server answers with 304.
  if (const auto known = http.cache().recall("wordpress-api-root:" + address)) return probe(http, *known, diagnostics);
  return std::nullopt;
}

std::optional<WordPressSite> WordPressSite::probe(net::HttpClient& http, const std::string& root,
                                                  Diagnostics& diagnostics, net::HttpResponse* answer) {
  WordPressSite site(http, root, "", diagnostics);
  net::HttpResponse response =
      http.fetch(site.endpoint("wp/v2/posts", {{"per_page", "1"}, {"_fields", "id"}}), net::BodyMode::Memory);
  const bool works = response.ok() && json::parse(response.body, nullptr, false).is_array();
  if (answer) *answer = std::move(response);
  if (!works) return std::nullopt;
  std::string home = root;
  for (const char* marker : {"wp-json", "?rest_route=", "index.php"})
    if (const std::size_t at = home.find(marker); at != std::string::npos) home.resize(at);
  site.home_ = home;
  return site;
}

json WordPressSite::get_json(const std::string& address) {
  const net::HttpResponse response = http_->fetch(address, net::BodyMode::Memory);
  if (!response.ok()) throw BuildError(address, describe_failure(response));
  json document = json::parse(response.body, nullptr, false);
  if (document.is_discarded()) throw BuildError(address, "the API answered with something that is not JSON");
  return document;
}

std::vector<json> WordPressSite::get_pages(const std::string& route, Query query) {
  query.emplace_back("per_page", std::to_string(kPerPage));
  Query first_query = query;
  first_query.emplace_back("page", "1");
  const std::string first_url = endpoint(route, first_query);
  const net::HttpResponse first = http_->fetch(first_url, net::BodyMode::Memory);
  if (!first.ok()) throw BuildError(first_url, describe_failure(first));
  std::vector<json> pages = {json::parse(first.body, nullptr, false)};
  if (!pages.front().is_array())
    throw BuildError(first_url, "the API answered with something that is not a list of posts");

  int total_pages = 1;
  try {
    total_pages = std::stoi(first.header("x-wp-totalpages"));
  } catch (...) {
    total_pages = 1;
  }
  total_pages = std::clamp(total_pages, 1, kMostPages);
  std::vector<std::string> urls;
  for (int page = 2; page <= total_pages; ++page) {
    Query page_query = query;
    page_query.emplace_back("page", std::to_string(page));
    urls.push_back(endpoint(route, page_query));
  }
  const std::vector<net::HttpResponse> responses = http_->fetch_all(urls, net::BodyMode::Memory, "pages");
  for (const net::HttpResponse& response : responses) {
    if (!response.ok()) {
      // Posts deleted while we read: the last pages no longer exist. That ends the list.
      if (response.status == 400 && wordpress_error_code(response.body) == "rest_post_invalid_page_number") break;
      throw BuildError(response.url, describe_failure(response));
    }
    json page = json::parse(response.body, nullptr, false);
    if (!page.is_array()) throw BuildError(response.url, "the API answered with something that is not a list of posts");
    pages.push_back(std::move(page));
  }
  return pages;
}

std::vector<Post> WordPressSite::posts_from(const std::vector<json>& pages, bool complete) {
  std::vector<Post> posts;
  std::set<std::int64_t> seen;
  const std::string origin = endpoint("wp/v2/posts", {});
  PostReading reading;
  reading.content_required = complete;
  reading.title_required = false;
  for (const json& page : pages)
    for (const json& object : page) {
      Post post = post_from_json(object, origin, reading);
      if (!post.status.empty() && post.status != "publish") continue;
      if (seen.insert(post.id).second) posts.push_back(std::move(post));
    }
  return posts;
}

std::vector<Post> WordPressSite::list_posts(const SiteFilters& filters) {
  Query query = {{"_fields", kListFields}, {"orderby", "date"}, {"order", "asc"}};
  if (!filters.category.empty())
    query.emplace_back("categories", std::to_string(term_id("categories", filters.category)));
  if (!filters.tag.empty()) query.emplace_back("tags", std::to_string(term_id("tags", filters.tag)));
  if (!filters.after.empty()) query.emplace_back("after", with_time(filters.after));
  if (!filters.before.empty()) query.emplace_back("before", with_time(filters.before));
  return posts_from(get_pages("wp/v2/posts", query), false);
}

std::int64_t WordPressSite::term_id(const std::string& taxonomy, const std::string& slug) {
  const std::string address = endpoint("wp/v2/" + taxonomy, {{"slug", slug}, {"_fields", "id,slug"}});
  const json terms = get_json(address);
  if (!terms.is_array() || terms.empty() || !terms.front().contains("id"))
    throw BuildError(home_,
                     std::string("the site has no ") + (taxonomy == "tags" ? "tag" : "category") + " \"" + slug + "\"");
  return terms.front()["id"].get<std::int64_t>();
}

std::vector<Post> WordPressSite::fetch_posts(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> urls;
  for (std::size_t from = 0; from < ids.size(); from += kPerPage)
    urls.push_back(endpoint("wp/v2/posts", {{"include", join_ids(ids, from, kPerPage)},
                                            {"per_page", std::to_string(kPerPage)},
                                            {"orderby", "include"},
                                            {"_embed", ""}}));
  std::vector<json> pages;
  for (const net::HttpResponse& response : http_->fetch_all(urls, net::BodyMode::Memory, "posts")) {
    if (!response.ok()) throw BuildError(response.url, describe_failure(response));
    pages.push_back(json::parse(response.body, nullptr, false));
    if (!pages.back().is_array())
      throw BuildError(response.url, "the API answered with something that is not a list of posts");
  }
  std::vector<Post> posts = posts_from(pages, true);
  fill_missing_embeds(posts);
  std::map<std::int64_t, std::size_t> order;
  for (std::size_t i = 0; i < ids.size(); ++i) order.emplace(ids[i], i);
  std::stable_sort(posts.begin(), posts.end(), [&](const Post& a, const Post& b) { return order[a.id] < order[b.id]; });
  return posts;
}

std::vector<Post> WordPressSite::fetch_posts_by_slug(const std::vector<std::string>& slugs) {
  if (slugs.empty()) return {};
  std::string joined;
  for (const std::string& slug : slugs) joined += (joined.empty() ? "" : ",") + slug;
  const json page =
      get_json(endpoint("wp/v2/posts", {{"slug", joined}, {"per_page", std::to_string(kPerPage)}, {"_embed", ""}}));
  std::vector<Post> posts = posts_from({page}, true);
  fill_missing_embeds(posts);
  return posts;
}

std::optional<Post> WordPressSite::post_at(const std::string& address) {
  const std::optional<url::Parts> parts = url::parse(address);
  if (!parts) return std::nullopt;
  for (std::string_view pair : text::split(parts->query, '&'))
    if (pair.starts_with("p=")) {
      std::int64_t id = 0;
      try {
        id = std::stoll(std::string(pair.substr(2)));
      } catch (...) {
        return std::nullopt;
      }
      std::vector<Post> found = fetch_posts({id});
      return found.empty() ? std::nullopt : std::optional<Post>(std::move(found.front()));
    }
  std::vector<std::string_view> segments;
  for (std::string_view segment : text::split(parts->path, '/'))
    if (!segment.empty()) segments.push_back(segment);
  if (segments.empty()) return std::nullopt;
  for (std::string_view archive : {"category", "tag", "author", "page", "feed"})
    if (std::find(segments.begin(), segments.end(), archive) != segments.end()) return std::nullopt;
  std::vector<Post> found = fetch_posts_by_slug({url::percent_decode(segments.back())});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Post> WordPressSite::search(const std::string& words, int limit) {
  const json page = get_json(
      endpoint("wp/v2/posts",
               {{"search", words}, {"per_page", std::to_string(std::clamp(limit, 1, kPerPage))}, {"_embed", ""}}));
  std::vector<Post> posts = posts_from({page}, true);
  fill_missing_embeds(posts);
  return posts;
}

void WordPressSite::fill_missing_embeds(std::vector<Post>& posts) {
  // _embedded may be missing or hold error objects (rest_forbidden): ask the endpoints
  // directly, and never fail the book for an author's name.
  std::vector<std::int64_t> authors;
  std::vector<std::int64_t> media;
  for (const Post& post : posts) {
    if (post.author.empty() && post.author_id > 0 &&
        std::find(authors.begin(), authors.end(), post.author_id) == authors.end())
      authors.push_back(post.author_id);
    if (!post.featured_image && post.featured_media > 0) media.push_back(post.featured_media);
  }
  std::map<std::int64_t, std::string> author_names;
  if (!authors.empty()) {
    std::vector<std::string> urls;
    for (std::int64_t id : authors)
      urls.push_back(endpoint("wp/v2/users/" + std::to_string(id), {{"_fields", "id,name"}}));
    const auto responses = http_->fetch_all(urls, net::BodyMode::Memory, "authors");
    for (std::size_t i = 0; i < responses.size(); ++i) {
      const json user = responses[i].ok() ? json::parse(responses[i].body, nullptr, false) : json();
      if (user.is_object() && user.contains("name") && user["name"].is_string())
        author_names[authors[i]] = html_to_plain_text(user["name"].get<std::string>());
    }
  }
  std::map<std::int64_t, FeaturedImage> images;
  if (!media.empty()) {
    std::vector<std::string> urls;
    for (std::int64_t id : media) urls.push_back(endpoint("wp/v2/media/" + std::to_string(id), {}));
    const auto responses = http_->fetch_all(urls, net::BodyMode::Memory, "media");
    for (std::size_t i = 0; i < responses.size(); ++i) {
      const json item = responses[i].ok() ? json::parse(responses[i].body, nullptr, false) : json();
      if (!item.is_object() || !item.contains("source_url") || !item["source_url"].is_string()) continue;
      FeaturedImage image;
      image.url = item["source_url"].get<std::string>();
      if (item.contains("alt_text") && item["alt_text"].is_string()) image.alt = item["alt_text"].get<std::string>();
      images[media[i]] = image;
    }
  }
  for (Post& post : posts) {
    if (post.author.empty()) {
      if (const auto it = author_names.find(post.author_id); it != author_names.end()) post.author = it->second;
    }
    if (!post.featured_image)
      if (const auto it = images.find(post.featured_media); it != images.end()) post.featured_image = it->second;
  }
}

}  // namespace pb::sources
