#include "sources/wordpress_json.h"

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/text.h"
#include "common/utf8.h"
#include "sources/html_text.h"

namespace pb::sources {

namespace {

using nlohmann::json;

// WordPress writes rendered fields as {"rendered": "..."}; some exports write plain strings.
std::string rendered(const json& object, const char* key) {
  const auto field = object.find(key);
  if (field == object.end()) return {};
  if (field->is_string()) return field->get<std::string>();
  if (field->is_object()) {
    const auto text = field->find("rendered");
    if (text != field->end() && text->is_string()) return text->get<std::string>();
  }
  return {};
}

bool has_rendered(const json& object, const char* key) {
  const auto field = object.find(key);
  if (field == object.end()) return false;
  return field->is_string() || (field->is_object() && field->contains("rendered"));
}

std::string string_field(const json& object, const char* key) {
  const auto field = object.find(key);
  return field != object.end() && field->is_string() ? field->get<std::string>() : std::string();
}

std::int64_t integer_field(const json& object, const char* key) {
  const auto field = object.find(key);
  if (field == object.end()) return 0;
  if (field->is_number_integer()) return field->get<std::int64_t>();
  if (field->is_number_unsigned()) return static_cast<std::int64_t>(field->get<std::uint64_t>());
  return 0;
}

// _embedded values are arrays whose entries may be error objects ({"code": "rest_forbidden"}).
const json* first_embedded(const json& object, const char* rel) {
  const auto embedded = object.find("_embedded");
  if (embedded == object.end() || !embedded->is_object()) return nullptr;
  const auto list = embedded->find(rel);
  if (list == embedded->end()) return nullptr;
  const json* item = list->is_array() ? (list->empty() ? nullptr : &list->front()) : &*list;
  if (!item || !item->is_object() || item->contains("code")) return nullptr;
  return item;
}

std::optional<FeaturedImage> featured_image(const json& object) {
  const json* media = first_embedded(object, "wp:featuredmedia");
  if (!media) return std::nullopt;
  FeaturedImage image;
  image.url = string_field(*media, "source_url");
  if (image.url.empty()) return std::nullopt;
  image.alt = html_to_plain_text(string_field(*media, "alt_text"));
  image.caption = html_to_plain_text(rendered(*media, "caption"));
  if (const auto details = media->find("media_details"); details != media->end() && details->is_object()) {
    image.width = static_cast<int>(integer_field(*details, "width"));
    image.height = static_cast<int>(integer_field(*details, "height"));
  }
  return image;
}

void read_terms(const json& object, Post& post) {
  const auto embedded = object.find("_embedded");
  if (embedded == object.end() || !embedded->is_object()) return;
  const auto groups = embedded->find("wp:term");
  if (groups == embedded->end() || !groups->is_array()) return;
  for (const json& group : *groups) {
    if (!group.is_array()) continue;
    for (const json& term : group) {
      if (!term.is_object() || term.contains("code")) continue;
      const std::string name = html_to_plain_text(string_field(term, "name"));
      if (name.empty()) continue;
      const std::string taxonomy = string_field(term, "taxonomy");
      if (taxonomy == "category") post.categories.push_back(name);
      if (taxonomy == "post_tag") post.tags.push_back(name);
    }
  }
}

std::string describe_json_type(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    case json::value_t::discarded:
      return "nothing";
    default:
      return "a number";
  }
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 5: ".
std::string shorten_parse_error(const std::string& message) {
  const std::size_t at = message.find("parse error");
  return at == std::string::npos ? message : message.substr(at);
}

}  // namespace

bool looks_like_post(const json& object) {
  return object.is_object() && has_rendered(object, "title") && has_rendered(object, "content");
}

Post post_from_json(const json& object, const std::string& origin, PostReading reading) {
  if (!object.is_object())
    throw BuildError(origin, "not a WordPress post: expected a post object, found " + describe_json_type(object));
  Post post;
  post.origin = origin;
  post.id = integer_field(object, "id");
  const std::string who = post.id ? "post " + std::to_string(post.id) : std::string("the post");
  const bool has_content = has_rendered(object, "content");
  if (!has_content && reading.content_required)
    throw BuildError(origin, "not a WordPress post: " + who + " has no \"content.rendered\" field");
  if (!has_rendered(object, "title"))
    throw BuildError(origin, "not a WordPress post: " + who + " has no \"title.rendered\" field");
  if (!post.id) throw BuildError(origin, "not a WordPress post: the post has no numeric \"id\"");

  post.title = html_to_plain_text(rendered(object, "title"));
  if (post.title.empty() && reading.title_required) throw BuildError(origin, who + " has an empty title");
  if (post.title.empty()) post.title = "Untitled post " + std::to_string(post.id);
  post.content_html = rendered(object, "content");
  post.content_loaded = has_content;
  if (const auto content = object.find("content"); content != object.end() && content->is_object()) {
    const auto flag = content->find("protected");
    post.is_protected = flag != content->end() && flag->is_boolean() && flag->get<bool>();
  }
  if (reading.content_required && !post.is_protected && text::is_blank(post.content_html))
    throw BuildError(origin, who + " (\"" + utf8::truncate(post.title, 80) + "\") has empty content");

  post.status = string_field(object, "status");
  post.slug = string_field(object, "slug");
  post.link = string_field(object, "link");
  post.guid = rendered(object, "guid");
  post.date = string_field(object, "date");
  post.date_gmt = string_field(object, "date_gmt");
  post.modified_gmt = string_field(object, "modified_gmt");
  if (post.modified_gmt.empty()) post.modified_gmt = string_field(object, "modified");
  post.author_id = integer_field(object, "author");
  if (const json* author = first_embedded(object, "author"))
    post.author = html_to_plain_text(string_field(*author, "name"));
  post.featured_media = integer_field(object, "featured_media");
  post.featured_image = featured_image(object);
  read_terms(object, post);
  return post;
}

std::vector<Post> parse_posts_json(std::string_view text, const std::string& origin) {
  if (const std::size_t bad = utf8::first_invalid(text); bad != std::string_view::npos)
    throw BuildError(origin, "invalid UTF-8 at byte " + std::to_string(bad) + "; the file must be UTF-8 JSON");
  json document;
  try {
    document = json::parse(text);
  } catch (const json::exception& error) {
    throw BuildError(origin, "malformed JSON: " + shorten_parse_error(error.what()));
  }
  std::vector<Post> posts;
  if (document.is_array()) {
    if (document.empty()) throw BuildError(origin, "holds an empty array: no posts");
    for (std::size_t i = 0; i < document.size(); ++i)
      posts.push_back(post_from_json(document[i], origin + "[" + std::to_string(i) + "]"));
  } else if (document.is_object()) {
    posts.push_back(post_from_json(document, origin));
  } else {
    throw BuildError(origin, "not a WordPress post: expected a post object or an array of posts, found " +
                                 describe_json_type(document));
  }
  return posts;
}

}  // namespace pb::sources
