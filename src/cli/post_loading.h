// Reads the INPUT arguments into posts, whatever each one is: a JSON file or folder, a feed or
// WordPress export, a post URL (the whole series around it is found), a site or archive URL
// (every post listed, content fetched later only for the posts a book needs).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cli/network_session.h"
#include "cli/options.h"
#include "common/diagnostics.h"
#include "sources/post.h"
#include "sources/wordpress_site.h"

namespace pb::cli {

class LoadedPosts {
 public:
  std::vector<sources::Post> posts;

  // Fetches the content of the given posts that were listed without it (site crawls).
  // Pointers stay valid: posts are completed in place.
  void complete(const std::vector<const sources::Post*>& needed);

  void add(sources::Post post, sources::WordPressSite* site = nullptr);
  sources::WordPressSite* keep_site(std::unique_ptr<sources::WordPressSite> site);

 private:
  std::vector<sources::WordPressSite*> site_of_;         // parallel to posts
  std::set<std::pair<std::int64_t, std::string>> seen_;  // (id, link) of every post added
  std::vector<std::unique_ptr<sources::WordPressSite>> sites_;
};

sources::SiteFilters site_filters(const SiteSelection& selection);

LoadedPosts load_posts(const std::vector<std::string>& inputs, const sources::SiteFilters& filters,
                       NetworkSession& network, Diagnostics& diagnostics);

}  // namespace pb::cli
