// A live WordPress site through its REST API: finding the API from any page of the site
// (Link header, <link> element, /wp-json/, ?rest_route=/), listing its posts page by page,
// fetching posts with their embedded author, featured image and terms, and searching.
// Failures say what was asked, what came back, and what to try instead (the feed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/diagnostics.h"
#include "net/http_client.h"
#include "sources/post.h"

namespace pb::sources {

struct SiteFilters {
  std::string category;  // slug
  std::string tag;       // slug
  std::string after;     // ISO 8601 date or date-time
  std::string before;
};

class WordPressSite {
 public:
  using Query = std::vector<std::pair<std::string, std::string>>;

  // Finds the REST API of the site that serves url. Throws BuildError saying why there is none
  // (no API: suggests the feed; 401/403: a security plugin; DNS/connection: the host; not
  // WordPress at all).
  // The site whose API a previous run found for url, still answering (the probe is a
  // conditional request); nullopt when there is none. No page is fetched.
  static std::optional<WordPressSite> remembered(net::HttpClient& http, const std::string& url,
                                                 Diagnostics& diagnostics);

  // page: the response to url when the caller fetched it already.
  static WordPressSite discover(net::HttpClient& http, const std::string& url, Diagnostics& diagnostics,
                                const net::HttpResponse* page = nullptr);

  const std::string& api_root() const { return root_; }
  // The site's home, for messages and the feed suggestion.
  const std::string& home() const { return home_; }

  // Every published post (id, title, slug, link, dates; no content), all pages.
  std::vector<Post> list_posts(const SiteFilters& filters);
  // Complete posts with _embed, in the order asked; ids the site does not return are missing.
  std::vector<Post> fetch_posts(const std::vector<std::int64_t>& ids);
  std::vector<Post> fetch_posts_by_slug(const std::vector<std::string>& slugs);
  // The post a URL of the site shows, or nullopt when it is not a post (the home page, an archive).
  std::optional<Post> post_at(const std::string& url);
  // Complete posts whose title or content match the words, most relevant first.
  std::vector<Post> search(const std::string& words, int limit);

  // An endpoint URL: route "wp/v2/posts" plus query, in the API's style (pretty or ?rest_route=).
  std::string endpoint(const std::string& route, const Query& query) const;

 private:
  WordPressSite(net::HttpClient& http, std::string root, std::string home, Diagnostics& diagnostics)
      : http_(&http), root_(std::move(root)), home_(std::move(home)), diagnostics_(&diagnostics) {}

  // The site whose API answers at root, or nullopt (answer gets the probe's response).
  static std::optional<WordPressSite> probe(net::HttpClient& http, const std::string& root, Diagnostics& diagnostics,
                                            net::HttpResponse* answer = nullptr);
  // GET a JSON endpoint; throws BuildError naming the URL and the WordPress error code.
  nlohmann::json get_json(const std::string& url);
  std::vector<nlohmann::json> get_pages(const std::string& route, Query query);
  std::vector<Post> posts_from(const std::vector<nlohmann::json>& pages, bool complete);
  void fill_missing_embeds(std::vector<Post>& posts);
  std::int64_t term_id(const std::string& taxonomy, const std::string& slug);

  net::HttpClient* http_;
  std::string root_;
  std::string home_;
  Diagnostics* diagnostics_;
};

// The Link header's target for a relation ('<https://s/wp-json/>; rel="https://api.w.org/"').
std::string link_header_target(const std::string& header, const std::string& relation);

}  // namespace pb::sources
