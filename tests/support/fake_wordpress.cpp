#include "support/fake_wordpress.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <sstream>

namespace pb::testing {

namespace {

using nlohmann::json;

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ','))
    if (!item.empty()) items.push_back(item);
  return items;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// _fields=a,b,c.d: keeps only those keys (nested ones too), as WordPress does.
json project(const json& post, const std::string& fields) {
  if (fields.empty()) return post;
  json out = json::object();
  for (const std::string& field : split_list(fields)) {
    const std::size_t dot = field.find('.');
    if (dot == std::string::npos) {
      if (post.contains(field)) out[field] = post[field];
    } else {
      const std::string outer = field.substr(0, dot), inner = field.substr(dot + 1);
      if (post.contains(outer) && post[outer].is_object() && post[outer].contains(inner))
        out[outer][inner] = post[outer][inner];
    }
  }
  return out;
}

json error_body(const std::string& code, const std::string& message, int status) {
  return {{"code", code}, {"message", message}, {"data", {{"status", status}}}};
}

}  // namespace

FakeWordPress::FakeWordPress(Mode mode, const std::string& address) : mode_(mode), server_(address) {}

std::string FakeWordPress::api_root() const {
  return mode_ == Mode::PlainOnly ? server_.url("/?rest_route=/") : server_.url("/wp-json/");
}

json& FakeWordPress::add_post(long id, const std::string& title_html, const std::string& content_html,
                              const std::string& slug, const std::string& date_gmt) {
  json post = {{"id", id},
               {"date", date_gmt},
               {"date_gmt", date_gmt},
               {"guid", {{"rendered", server_.url("/?p=" + std::to_string(id))}}},
               {"modified", date_gmt},
               {"modified_gmt", date_gmt},
               {"slug", slug},
               {"status", "publish"},
               {"type", "post"},
               {"link", post_url(slug)},
               {"title", {{"rendered", title_html}}},
               {"content", {{"rendered", content_html}, {"protected", false}}},
               {"excerpt", {{"rendered", ""}, {"protected", false}}},
               {"author", 1},
               {"featured_media", 0},
               {"categories", json::array()},
               {"tags", json::array()}};
  posts_.push_back(std::move(post));
  return posts_.back();
}

void FakeWordPress::add_category(long id, const std::string& slug, const std::string& name) {
  categories_.push_back({{"id", id}, {"slug", slug}, {"name", name}, {"taxonomy", "category"}});
}

void FakeWordPress::add_media(long id, const std::string& source_url, const std::string& alt) {
  media_.push_back({{"id", id}, {"source_url", source_url}, {"alt_text", alt}, {"media_type", "image"}});
}

void FakeWordPress::add_user(long id, const std::string& name) {
  users_.push_back({{"id", id}, {"name", name}});
}

void FakeWordPress::send_json(const httplib::Request& request, httplib::Response& response, const json& body,
                              int status) {
  const std::string text = body.dump();
  const std::string etag = "\"" + std::to_string(std::hash<std::string>{}(text)) + "\"";
  response.set_header("ETag", etag);
  if (status == 200 && request.get_header_value("If-None-Match") == etag) {
    response.status = 304;
    return;
  }
  response.status = status;
  response.set_content(text, "application/json; charset=UTF-8");
}

void FakeWordPress::posts(const httplib::Request& request, httplib::Response& response) {
  const auto param = [&](const char* name) {
    return request.has_param(name) ? request.get_param_value(name) : std::string();
  };
  std::vector<json> matching;
  for (const json& post : posts_) {
    if (!param("include").empty()) {
      const auto ids = split_list(param("include"));
      if (std::find(ids.begin(), ids.end(), std::to_string(post["id"].get<long>())) == ids.end()) continue;
    }
    if (!param("slug").empty()) {
      const auto slugs = split_list(param("slug"));
      if (std::find(slugs.begin(), slugs.end(), post["slug"].get<std::string>()) == slugs.end()) continue;
    }
    if (!param("search").empty() && search_broken_) continue;
    if (!param("search").empty()) {
      const std::string haystack =
          lower(post["title"]["rendered"].get<std::string>() + " " + post["content"]["rendered"].get<std::string>());
      std::stringstream words(lower(param("search")));
      std::string word;
      bool all = true;
      while (words >> word) all = all && haystack.find(word) != std::string::npos;
      if (!all) continue;
    }
    if (!param("categories").empty()) {
      const long wanted = std::stol(param("categories"));
      const json& ids = post["categories"];
      if (std::find(ids.begin(), ids.end(), wanted) == ids.end()) continue;
    }
    if (!param("after").empty() && post["date"].get<std::string>() <= param("after")) continue;
    if (!param("before").empty() && post["date"].get<std::string>() >= param("before")) continue;
    matching.push_back(post);
  }
  if (param("orderby") == "include") {
    const auto ids = split_list(param("include"));
    std::stable_sort(matching.begin(), matching.end(), [&](const json& a, const json& b) {
      return std::find(ids.begin(), ids.end(), std::to_string(a["id"].get<long>())) <
             std::find(ids.begin(), ids.end(), std::to_string(b["id"].get<long>()));
    });
  } else if (param("order") != "asc") {
    std::stable_sort(matching.begin(), matching.end(),
                     [](const json& a, const json& b) { return a["date"] > b["date"]; });
  }
  const int per_page = param("per_page").empty() ? 10 : std::stoi(param("per_page"));
  if (per_page < 1 || per_page > 100) {
    send_json(request, response, error_body("rest_invalid_param", "Invalid parameter(s): per_page", 400), 400);
    return;
  }
  const int page = param("page").empty() ? 1 : std::stoi(param("page"));
  const int total = static_cast<int>(matching.size());
  const int total_pages = (total + per_page - 1) / per_page;
  if (page > total_pages && total > 0) {
    send_json(request, response,
              error_body("rest_post_invalid_page_number",
                         "The page number requested is larger than the number of pages available.", 400),
              400);
    return;
  }
  json body = json::array();
  for (int i = (page - 1) * per_page; i < std::min(total, page * per_page); ++i) {
    json post = matching[static_cast<std::size_t>(i)];
    if (request.has_param("_embed")) {
      post["_embedded"]["author"] = json::array();
      for (const json& user : users_)
        if (user["id"] == post["author"]) post["_embedded"]["author"].push_back(user);
      if (post["_embedded"]["author"].empty())
        post["_embedded"]["author"].push_back(error_body("rest_user_invalid_id", "Invalid user ID.", 404));
      for (const json& item : media_)
        if (item["id"] == post["featured_media"]) post["_embedded"]["wp:featuredmedia"] = json::array({item});
    }
    body.push_back(project(post, param("_fields")));
  }
  response.set_header("X-WP-Total", std::to_string(total));
  response.set_header("X-WP-TotalPages", std::to_string(total_pages + extra_pages_));
  send_json(request, response, body);
}

void FakeWordPress::route_api(const std::string& route, const httplib::Request& request, httplib::Response& response) {
  if (mode_ == Mode::Locked) {
    send_json(request, response, error_body("rest_not_logged_in", "You are not currently logged in.", 401), 401);
    return;
  }
  if (mode_ == Mode::NoApi || mode_ == Mode::NotWordPress) {
    response.status = 404;
    response.set_content("<html><body>Not found</body></html>", "text/html");
    return;
  }
  const auto find_in = [&](const std::vector<json>& items, const std::string& prefix) -> const json* {
    const std::string id = route.substr(prefix.size());
    for (const json& item : items)
      if (std::to_string(item["id"].get<long>()) == id) return &item;
    return nullptr;
  };
  if (route == "/" || route.empty()) {
    send_json(request, response, {{"name", "Fake"}, {"home", home()}, {"namespaces", {"wp/v2"}}});
  } else if (route == "/wp/v2/posts") {
    posts(request, response);
  } else if (route.starts_with("/wp/v2/users/")) {
    if (const json* user = find_in(users_, "/wp/v2/users/"))
      send_json(request, response, *user);
    else
      send_json(request, response, error_body("rest_user_invalid_id", "Invalid user ID.", 404), 404);
  } else if (route.starts_with("/wp/v2/media/")) {
    if (const json* item = find_in(media_, "/wp/v2/media/"))
      send_json(request, response, *item);
    else
      send_json(request, response, error_body("rest_post_invalid_id", "Invalid post ID.", 404), 404);
  } else if (route == "/wp/v2/categories" || route == "/wp/v2/tags") {
    json found = json::array();
    for (const json& term : categories_)
      if (term["slug"] == request.get_param_value("slug")) found.push_back(term);
    send_json(request, response, found);
  } else {
    send_json(request, response,
              error_body("rest_no_route", "No route was found matching the URL and request method.", 404), 404);
  }
}

void FakeWordPress::start() {
  httplib::Server& http = server_.server();
  http.Get(R"(/wp-json(/.*)?)", [this](const httplib::Request& request, httplib::Response& response) {
    if (mode_ == Mode::PlainOnly) {
      response.status = 404;
      response.set_content("Not found", "text/plain");
      return;
    }
    route_api(request.path.substr(std::string("/wp-json").size()), request, response);
  });
  http.Get(R"(/(.*))", [this](const httplib::Request& request, httplib::Response& response) {
    if (request.has_param("rest_route")) {
      if (mode_ == Mode::NotWordPress) {
        response.set_content("<html><body>A static page</body></html>", "text/html");
        return;
      }
      route_api(request.get_param_value("rest_route"), request, response);
      return;
    }
    if (mode_ == Mode::Pretty || mode_ == Mode::PlainOnly || mode_ == Mode::Locked)
      response.set_header("Link", "<" + api_root() + ">; rel=\"https://api.w.org/\"");
    const bool advertised = mode_ != Mode::NoApi && mode_ != Mode::Undiscoverable;
    std::string title = "Fake site";
    const std::string slug = request.path.size() > 2 ? request.path.substr(1, request.path.size() - 2) : "";
    for (const json& post : posts_)
      if (post["slug"] == slug) title = post["title"]["rendered"];
    if (mode_ == Mode::NotWordPress) {
      response.set_content(
          "<!doctype html><html><head><title>" + title + "</title></head><body><p>Hello</p></body></html>",
          "text/html");
      return;
    }
    const std::string api_link = advertised ? "<link rel=\"https://api.w.org/\" href=\"" + api_root() + "\" />" : "";
    response.set_content("<!doctype html><html><head><title>" + title + "</title>" + api_link +
                             "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"" + server_.url("/feed/") +
                             "\" /><link rel=\"stylesheet\" href=\"" + server_.url("/wp-content/themes/x/style.css") +
                             "\" /></head><body><article>" + title + "</article></body></html>",
                         "text/html; charset=UTF-8");
  });
  server_.start();
}

}  // namespace pb::testing
