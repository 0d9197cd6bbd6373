// read_wxr (declared in feed_reader.h): WordPress export files.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/error.h"
#include "common/text.h"
#include "common/utf8.h"
#include "sources/feed_fields.h"
#include "sources/feed_reader.h"
#include "sources/html_text.h"
#include "sources/shortcodes.h"
#include "sources/wpautop.h"
#include "sources/xml_document.h"
#include "sources/xml_text.h"

namespace pb::sources {

namespace {

constexpr std::string_view kWxrNamespaceStart = "http://wordpress.org/export/";
constexpr std::string_view kContentNamespace = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcNamespace = "http://purl.org/dc/elements/1.1/";

struct Author {
  std::string display_name;
  std::int64_t id = 0;
};

using Meta = std::vector<std::pair<std::string, std::string>>;

std::int64_t to_id(std::string_view text) {
  const std::string_view digits = text::trim(text);
  if (digits.empty() || digits.size() > 15) return 0;
  std::int64_t value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

// The first "i:<n>;" after "<key>" in a PHP-serialized array: _wp_attachment_metadata holds the
// full size's width and height before those of its smaller renditions.
int serialized_int(std::string_view serialized, std::string_view key) {
  const std::string needle = "\"" + std::string(key) + "\";i:";
  const std::size_t at = serialized.find(needle);
  if (at == std::string_view::npos) return 0;
  int value = 0;
  for (std::size_t pos = at + needle.size();
       pos < serialized.size() && serialized[pos] >= '0' && serialized[pos] <= '9'; ++pos) {
    value = value * 10 + (serialized[pos] - '0');
    if (value > 1000000) return 0;
  }
  return value;
}

std::string plural(std::size_t count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Rebuilds the list of Gutenberg footnotes (a dynamic block, stored as "footnotes" post meta:
// [{"id": "...", "content": "..."}]) where the footnotes block stands.
std::string render_footnotes(const std::string& content, const std::string& meta) {
  const std::size_t block = content.find("<!-- wp:footnotes");
  if (block == std::string::npos || meta.empty()) return content;
  nlohmann::json notes = nlohmann::json::parse(meta, nullptr, false);
  if (!notes.is_array() || notes.empty()) return content;
  std::string list = "<ol class=\"wp-block-footnotes\">";
  for (const nlohmann::json& note : notes) {
    if (!note.is_object() || !note.contains("id") || !note["id"].is_string()) continue;
    std::string id;  // a UUID; escaped all the same, it lands in attributes
    for (const char c : note["id"].get<std::string>()) {
      if (c == '"')
        id += "&quot;";
      else if (c == '&')
        id += "&amp;";
      else if (c == '<')
        id += "&lt;";
      else
        id += c;
    }
    const std::string text =
        note.contains("content") && note["content"].is_string() ? note["content"].get<std::string>() : "";
    list += "<li id=\"" + id + "\">" + text + " <a href=\"#" + id + "-link\">\u21A9\uFE0E</a></li>";
  }
  list += "</ol>";
  // "<!-- wp:footnotes /-->", or a block with an end delimiter.
  const std::size_t block_end = content.find("-->", block);
  if (block_end == std::string::npos) return content;
  std::size_t end = block_end + 3;
  if (content.compare(block_end - 1, 1, "/") != 0) {
    const std::size_t closing = content.find("<!-- /wp:footnotes -->", end);
    if (closing != std::string::npos) end = closing + 22;
  }
  return content.substr(0, block) + list + content.substr(end);
}

class WxrReader {
 public:
  WxrReader(pugi::xml_node root, const std::string& origin, Diagnostics& diagnostics)
      : origin_(origin), diagnostics_(diagnostics) {
    const Namespaces ns(root);
    std::string wp_prefix = "wp";
    ns.find_prefix(
        [](std::string_view uri) { return uri.starts_with(kWxrNamespaceStart) && !uri.ends_with("excerpt/"); },
        wp_prefix);
    std::string excerpt_prefix = "excerpt";
    ns.find_prefix(
        [](std::string_view uri) { return uri.starts_with(kWxrNamespaceStart) && uri.ends_with("excerpt/"); },
        excerpt_prefix);
    wp_ = wp_prefix + ":";
    excerpt_encoded_ = excerpt_prefix + ":encoded";
    content_encoded_ = ns.name(kContentNamespace, "content", "encoded");
    dc_creator_ = ns.name(kDcNamespace, "dc", "creator");
    channel_ = root.child("channel");
    for (const pugi::xml_node item : channel_.children("item")) items_.push_back(item);
    read_authors();
    read_attachments();
  }

  std::vector<Post> read() {
    std::vector<Post> posts;
    std::map<std::string, std::size_t> left_out;  // "draft" -> 3
    std::vector<std::size_t> missing_gmt;         // indexes into posts
    std::size_t missing_thumbnails = 0;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const pugi::xml_node item = items_[i];
      const std::string type = wp_text(item, "post_type");
      const std::string status = wp_text(item, "status");
      if (type == "attachment") continue;
      if (type != "post") {
        ++left_out[type.empty() ? "item without a post type" : type];
        continue;
      }
      if (status != "publish") {
        ++left_out[status.empty() ? "post without a status" : status];
        continue;
      }
      std::optional<Post> post = read_post(item, i + 1, missing_thumbnails);
      if (!post) continue;
      if (post->date_gmt.empty() && !post->date.empty()) missing_gmt.push_back(posts.size());
      posts.push_back(std::move(*post));
    }
    fill_missing_gmt(posts, missing_gmt);
    if (missing_thumbnails > 0)
      diagnostics_.warn(origin_,
                        plural(missing_thumbnails, "post names a featured image", "posts name featured images") +
                            " that the export does not hold (export \"All content\" to include the media)");
    const std::string summary = describe_left_out(left_out);
    if (posts.empty())
      throw BuildError(origin_, "holds no published posts" + (summary.empty() ? std::string() : " (" + summary + ")"));
    diagnostics_.note(origin_ + ": " + plural(posts.size(), "published post", "published posts") + " read" +
                      (summary.empty() ? std::string() : "; left out: " + summary));
    return posts;
  }

 private:
  std::string wp_text(pugi::xml_node node, std::string_view local) const {
    return child_text(node, wp_ + std::string(local));
  }

  Meta meta_of(pugi::xml_node item) const {
    Meta meta;
    const std::string key_name = wp_ + "meta_key";
    const std::string value_name = wp_ + "meta_value";
    const std::string postmeta_name = wp_ + "postmeta";  // children() keeps the pointer
    for (const pugi::xml_node entry : item.children(postmeta_name.c_str()))
      meta.emplace_back(child_text(entry, key_name), text_of(entry.child(value_name.c_str())));
    return meta;
  }

  static std::string meta_value(const Meta& meta, std::string_view key) {
    for (const auto& [name, value] : meta)
      if (name == key) return value;
    return {};
  }

  void read_authors() {
    const std::string author_name = wp_ + "author";
    for (const pugi::xml_node author : channel_.children(author_name.c_str())) {
      const std::string login = wp_text(author, "author_login");
      if (login.empty()) continue;
      Author entry;
      entry.display_name = html_to_plain_text(text_of(author.child((wp_ + "author_display_name").c_str())));
      if (entry.display_name.empty()) {
        const std::string first = html_to_plain_text(wp_text(author, "author_first_name"));
        const std::string last = html_to_plain_text(wp_text(author, "author_last_name"));
        entry.display_name = std::string(text::trim(first + " " + last));
      }
      entry.id = to_id(wp_text(author, "author_id"));
      authors_[login] = entry;
    }
  }

  void read_attachments() {
    for (const pugi::xml_node item : items_) {
      if (wp_text(item, "post_type") != "attachment") continue;
      Attachment attachment;
      attachment.id = to_id(wp_text(item, "post_id"));
      attachment.url = wp_text(item, "attachment_url");
      if (!attachment.id || attachment.url.empty()) continue;
      const Meta meta = meta_of(item);
      attachment.alt = html_to_plain_text(meta_value(meta, "_wp_attachment_image_alt"));
      attachment.caption = html_to_plain_text(text_of(item.child(excerpt_encoded_.c_str())));
      attachment.title = html_to_plain_text(text_of(item.child("title")));
      attachment.parent = to_id(wp_text(item, "post_parent"));
      attachment.menu_order = static_cast<int>(to_id(wp_text(item, "menu_order")));
      const std::string sizes = meta_value(meta, "_wp_attachment_metadata");
      attachment.width = serialized_int(sizes, "width");
      attachment.height = serialized_int(sizes, "height");
      attachments_[attachment.id] = std::move(attachment);
    }
  }

  std::optional<Post> read_post(pugi::xml_node item, std::size_t index, std::size_t& missing_thumbnails) {
    Post post;
    post.origin = origin_ + " [item " + std::to_string(index) + "]";
    post.status = "publish";
    post.id = to_id(wp_text(item, "post_id"));
    post.title = html_to_plain_text(text_of(item.child("title")));
    const std::string who = "post " + std::to_string(post.id) +
                            (post.title.empty() ? std::string() : " (\"" + utf8::truncate(post.title, 80) + "\")");
    if (!post.id) {
      diagnostics_.warn(post.origin, "a published post without a wp:post_id; skipped");
      return std::nullopt;
    }
    if (post.title.empty()) {
      diagnostics_.warn(post.origin, who + " has no title; skipped");
      return std::nullopt;
    }
    post.slug = wp_text(item, "post_name");
    post.link = child_text(item, "link");
    post.guid = child_text(item, "guid");
    post.date = parse_mysql_time(wp_text(item, "post_date")).value_or("");
    post.date_gmt = parse_mysql_time(wp_text(item, "post_date_gmt")).value_or("");
    post.modified_gmt = parse_mysql_time(wp_text(item, "post_modified_gmt")).value_or("");
    if (post.date.empty()) diagnostics_.warn(post.origin, who + " has no readable wp:post_date");

    const std::string login = child_text(item, dc_creator_);
    if (const auto author = authors_.find(login); author != authors_.end()) {
      post.author = author->second.display_name.empty() ? login : author->second.display_name;
      post.author_id = author->second.id;
    } else {
      post.author = html_to_plain_text(login);
    }
    for (const pugi::xml_node category : item.children("category")) {
      const std::string_view domain = category.attribute("domain").value();
      if (domain != "category" && domain != "post_tag") continue;  // post_format and custom taxonomies
      std::string name = html_to_plain_text(text_of(category));
      std::vector<std::string>& list = domain == "category" ? post.categories : post.tags;
      if (!name.empty() && std::find(list.begin(), list.end(), name) == list.end()) list.push_back(std::move(name));
    }
    post.is_protected = !wp_text(item, "post_password").empty();

    const Meta meta = meta_of(item);
    if (const std::int64_t thumbnail = to_id(meta_value(meta, "_thumbnail_id"))) {
      post.featured_media = thumbnail;
      if (const auto found = attachments_.find(thumbnail); found != attachments_.end()) {
        const Attachment& attachment = found->second;
        post.featured_image =
            FeaturedImage{attachment.url, attachment.alt, attachment.caption, attachment.width, attachment.height};
      } else {
        ++missing_thumbnails;
      }
    }

    post.content_html = render_content(text_of(item.child(content_encoded_.c_str())), post, meta);
    if (text::is_blank(post.content_html) && !post.is_protected) {
      diagnostics_.warn(post.origin, who + " has no content; skipped");
      return std::nullopt;
    }
    return post;
  }

  // Raw post_content as WordPress would render it.
  std::string render_content(const std::string& raw, const Post& post, const Meta& meta) const {
    ShortcodeContext context;
    context.attachments = &attachments_;
    context.post_id = post.id;
    context.warn = [&](const std::string& message) { diagnostics_.warn(post.origin, message); };
    const std::string cleaned = remove_forbidden_references(raw);
    std::string html = expand_shortcodes(cleaned, context);
    if (has_blocks(html)) return render_footnotes(html, meta_value(meta, "footnotes"));
    return wpautop(html);
  }

  // Published posts imported or created by plugins sometimes lack post_date_gmt: apply the
  // offset most other posts of the site have.
  void fill_missing_gmt(std::vector<Post>& posts, const std::vector<std::size_t>& missing) const {
    if (missing.empty()) return;
    std::map<std::int64_t, std::size_t> offsets;
    for (const Post& post : posts)
      if (!post.date_gmt.empty())
        if (const auto offset = seconds_between(post.date, post.date_gmt)) ++offsets[*offset];
    std::int64_t offset = 0;
    std::size_t best = 0;
    for (const auto& [seconds, count] : offsets)
      if (count > best) offset = seconds, best = count;
    for (const std::size_t index : missing)
      posts[index].date_gmt = shift_time(posts[index].date, -offset).value_or(posts[index].date);
    diagnostics_.warn(origin_, plural(missing.size(), "published post has", "published posts have") +
                                   " no wp:post_date_gmt; the site's offset (" + std::to_string(offset / 60) +
                                   " minutes, from the other posts) was used");
  }

  static std::string describe_left_out(const std::map<std::string, std::size_t>& left_out) {
    static const std::map<std::string, std::pair<std::string, std::string>> kNames = {
        {"draft", {"draft", "drafts"}},
        {"auto-draft", {"auto-draft", "auto-drafts"}},
        {"pending", {"post pending review", "posts pending review"}},
        {"private", {"private post", "private posts"}},
        {"future", {"scheduled post", "scheduled posts"}},
        {"trash", {"trashed post", "trashed posts"}},
        {"page", {"page", "pages"}},
        {"nav_menu_item", {"menu item", "menu items"}}};
    std::string text;
    for (const auto& [key, count] : left_out) {
      const auto name = kNames.find(key);
      const std::string label = name != kNames.end() ? plural(count, name->second.first, name->second.second)
                                                     : std::to_string(count) + " \"" + key + "\"";
      text += (text.empty() ? "" : ", ") + label;
    }
    return text;
  }

  const std::string& origin_;
  Diagnostics& diagnostics_;
  std::string wp_, excerpt_encoded_, content_encoded_, dc_creator_;
  pugi::xml_node channel_;
  std::vector<pugi::xml_node> items_;
  std::map<std::string, Author> authors_;
  std::map<std::int64_t, Attachment> attachments_;
};

}  // namespace

std::vector<Post> read_wxr(std::string_view text, const std::string& origin, Diagnostics& diagnostics) {
  switch (detect_xml_source(text)) {
    case XmlSourceKind::Wxr:
      break;
    case XmlSourceKind::Rss:
    case XmlSourceKind::Atom:
      throw BuildError(origin, "is a feed, not a WordPress export (WXR); read it as a feed");
    case XmlSourceKind::NotXmlFeed:
      throw BuildError(origin,
                       "is not a WordPress export (WXR): no <rss> root declaring the "
                       "http://wordpress.org/export/ namespace");
  }
  const auto xml = parse_xml(text, origin, diagnostics);
  WxrReader reader(xml->document.document_element(), origin, diagnostics);
  return reader.read();
}

}  // namespace pb::sources
