// A WordPress site for tests, served on a loopback address: the REST API as WordPress answers
// it (pagination headers, _embed, _fields, search, slug, include, taxonomies, the 400 past the
// last page, ETags), post pages with the API Link header, and the ways real sites fail
// (no pretty permalinks, a security plugin, no API, not WordPress at all).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_http_server.h"

namespace pb::testing {

class FakeWordPress {
 public:
  enum class Mode {
    Pretty,           // /wp-json/ and ?rest_route=/ both work; pages advertise /wp-json/
    LinkElementOnly,  // no Link header: only the page's <link rel="https://api.w.org/"> names the API
    Undiscoverable,   // the API works at /wp-json/ but pages advertise it nowhere
    PlainOnly,        // no pretty permalinks: only ?rest_route=/ works; pages advertise it
    Locked,           // a security plugin: every API route answers 401 rest_not_logged_in
    NoApi,            // WordPress with the REST API removed: API routes answer 404
    NotWordPress,     // a static site
  };

  explicit FakeWordPress(Mode mode = Mode::Pretty, const std::string& address = "127.0.0.1");

  // A published post. Links, guid and embeds are filled in from the server's address.
  // Returns the post so the test can adjust it before start().
  nlohmann::json& add_post(long id, const std::string& title_html, const std::string& content_html,
                           const std::string& slug, const std::string& date_gmt);
  void add_category(long id, const std::string& slug, const std::string& name);
  void add_media(long id, const std::string& source_url, const std::string& alt);
  void add_user(long id, const std::string& name);

  // X-WP-TotalPages claims this many more pages than exist (posts deleted during a crawl).
  void overstate_pages(int extra) { extra_pages_ = extra; }
  // ?search= finds nothing (so the other parts must be found by following links).
  void break_search() { search_broken_ = true; }

  void start();
  std::string home() const { return server_.url("/"); }
  std::string post_url(const std::string& slug) const { return server_.url("/" + slug + "/"); }
  TestHttpServer& server() { return server_; }

 private:
  void route_api(const std::string& route, const httplib::Request& request, httplib::Response& response);
  void posts(const httplib::Request& request, httplib::Response& response);
  void send_json(const httplib::Request& request, httplib::Response& response, const nlohmann::json& body,
                 int status = 200);
  std::string api_root() const;

  Mode mode_;
  TestHttpServer server_;
  std::vector<nlohmann::json> posts_;
  std::vector<nlohmann::json> categories_;
  std::vector<nlohmann::json> media_;
  std::vector<nlohmann::json> users_;
  int extra_pages_ = 0;
  bool search_broken_ = false;
};

}  // namespace pb::testing
