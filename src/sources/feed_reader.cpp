#include "sources/feed_reader.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include "common/error.h"
#include "common/text.h"
#include "common/url.h"
#include "common/utf8.h"
#include "sources/feed_fields.h"
#include "sources/html_text.h"
#include "sources/xml_document.h"
#include "sources/xml_text.h"

namespace pb::sources {

namespace {

constexpr std::size_t kDetectionWindow = 256 * 1024;
constexpr std::string_view kAtomNamespace = "http://www.w3.org/2005/Atom";
constexpr std::string_view kRdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kRss1Namespace = "http://purl.org/rss/1.0/";
constexpr std::string_view kContentNamespace = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcNamespace = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kMediaNamespace = "http://search.yahoo.com/mrss/";
constexpr std::string_view kWxrNamespaceStart = "http://wordpress.org/export/";

// ---------------------------------------------------------------------------------------------
// Detection: the root element and its attributes, read without parsing the document.

struct RootElement {
  std::string name;  // as written, with its prefix
  std::map<std::string, std::string> attributes;
  bool found = false;
  std::string what;  // how to describe a document that is not a feed
};

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

RootElement read_root(std::string_view text) {
  RootElement root;
  std::size_t pos = 0;
  const auto skip_past = [&](std::string_view end) {
    const std::size_t found = text.find(end, pos);
    pos = found == std::string_view::npos ? text.size() : found + end.size();
  };
  for (;;) {
    while (pos < text.size() && is_xml_space(text[pos])) ++pos;
    const std::string_view rest = text.substr(pos);
    if (rest.empty()) {
      root.what = "it is empty";
      return root;
    }
    if (rest.starts_with("<?")) {
      skip_past("?>");
    } else if (rest.starts_with("<!--")) {
      skip_past("-->");
    } else if (rest.starts_with("<!")) {  // DOCTYPE, with an internal subset in brackets
      int depth = 0;
      for (; pos < text.size(); ++pos) {
        if (text[pos] == '[') ++depth;
        if (text[pos] == ']') --depth;
        if (text[pos] == '>' && depth <= 0) break;
      }
      if (pos < text.size()) ++pos;  // past the '>'; an unterminated declaration ends the text
    } else if (rest.starts_with('<') && rest.size() > 1 && !is_xml_space(rest[1])) {
      break;
    } else {
      root.what = rest.starts_with('{') || rest.starts_with('[') ? "it looks like JSON" : "it is not XML";
      return root;
    }
  }
  std::size_t end = pos + 1;
  while (end < text.size() && !is_xml_space(text[end]) && text[end] != '>' && text[end] != '/') ++end;
  root.name = std::string(text.substr(pos + 1, end - pos - 1));
  root.found = true;
  root.what = "its root element is <" + root.name + ">";
  pos = end;
  while (pos < text.size()) {
    while (pos < text.size() && is_xml_space(text[pos])) ++pos;
    if (pos >= text.size() || text[pos] == '>' || text[pos] == '/') break;
    const std::size_t name_start = pos;
    while (pos < text.size() && !is_xml_space(text[pos]) && text[pos] != '=' && text[pos] != '>') ++pos;
    const std::string name(text.substr(name_start, pos - name_start));
    while (pos < text.size() && is_xml_space(text[pos])) ++pos;
    if (pos >= text.size() || text[pos] != '=') continue;
    ++pos;
    while (pos < text.size() && is_xml_space(text[pos])) ++pos;
    if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\'')) break;
    const std::size_t close = text.find(text[pos], pos + 1);
    if (close == std::string_view::npos) break;
    root.attributes[name] = std::string(text.substr(pos + 1, close - pos - 1));
    pos = close + 1;
  }
  return root;
}

std::string local_name(std::string_view name) {
  const std::size_t colon = name.find(':');
  return std::string(colon == std::string_view::npos ? name : name.substr(colon + 1));
}

std::string namespace_of(const RootElement& root) {
  const std::size_t colon = root.name.find(':');
  const std::string key = colon == std::string::npos ? "xmlns" : "xmlns:" + root.name.substr(0, colon);
  const auto found = root.attributes.find(key);
  return found == root.attributes.end() ? std::string() : found->second;
}

struct Detection {
  XmlSourceKind kind = XmlSourceKind::NotXmlFeed;
  std::string what;
};

Detection detect(std::string_view text) {
  std::string head;
  XmlRepairs repairs;
  try {
    head = repair_xml(text.substr(0, kDetectionWindow), "", repairs);
  } catch (const BuildError&) {
    head = std::string(text.substr(0, kDetectionWindow));  // an unsupported encoding: read_* will say so
  }
  const RootElement root = read_root(head);
  Detection detection{XmlSourceKind::NotXmlFeed, root.what};
  if (!root.found) return detection;
  const std::string local = local_name(root.name);
  const std::string ns = namespace_of(root);
  if (local == "rss") {
    const bool wxr = std::any_of(root.attributes.begin(), root.attributes.end(), [](const auto& attribute) {
      return attribute.first.starts_with("xmlns") && std::string_view(attribute.second).starts_with(kWxrNamespaceStart);
    });
    detection.kind =
        wxr || head.find("<wp:wxr_version>") != std::string::npos ? XmlSourceKind::Wxr : XmlSourceKind::Rss;
  } else if (local == "feed" && ns == kAtomNamespace) {
    detection.kind = XmlSourceKind::Atom;
  } else if (local == "RDF" && ns == kRdfNamespace && head.find(kRss1Namespace) != std::string::npos) {
    detection.kind = XmlSourceKind::Rss;
  } else if (local == "html" || local == "HTML") {
    detection.what = "it is an HTML page, not a feed";
  }
  return detection;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers.

std::string item_origin(const std::string& origin, std::size_t index) {
  return origin + " [item " + std::to_string(index) + "]";
}

// How a warning names an item: its title when it has one.
std::string item_label(const std::string& title) {
  return title.empty() ? std::string() : " (\"" + utf8::truncate(title, 80) + "\")";
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() <= 15 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::int64_t to_id(std::string_view digits) {
  std::int64_t value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// WordPress's password form stands in for the content of a protected post in its feeds.
bool is_password_form(std::string_view html) {
  return html.find("action=postpass") != std::string_view::npos;
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

std::string escape_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

// Plain text as HTML: paragraphs at blank lines.
std::string text_to_html(std::string_view text) {
  std::string html;
  std::string paragraph;
  const auto flush = [&] {
    const std::string_view trimmed = text::trim(paragraph);
    if (!trimmed.empty()) html += "<p>" + escape_text(trimmed) + "</p>\n";
    paragraph.clear();
  };
  for (const std::string_view line : text::split(text, '\n')) {
    if (text::trim(line).empty())
      flush();
    else
      paragraph += std::string(line) + "\n";
  }
  flush();
  return html;
}

// Chooses the post id: explicit, from the guid, from the link, or synthetic.
std::int64_t choose_id(std::string_view explicit_id, const std::string& guid, const std::string& link) {
  if (all_digits(explicit_id) && to_id(explicit_id) > 0) return to_id(explicit_id);
  if (const std::int64_t id = post_id_from_url(guid)) return id;
  if (const std::int64_t id = post_id_from_url(link)) return id;
  return synthetic_post_id(!link.empty() ? link : guid);
}

void set_time(Post& post, const std::optional<FeedTime>& time) {
  if (!time) return;
  post.date = time->local;
  post.date_gmt = time->utc;
}

// Applies the checks every item passes; false (with a warning) when it is skipped.
bool usable(Post& post, std::size_t index, Diagnostics& diagnostics) {
  post.content_html = remove_forbidden_references(post.content_html);
  if (post.title.empty()) {
    diagnostics.warn(post.origin, "item " + std::to_string(index) + " has no title; skipped");
    return false;
  }
  if (text::is_blank(post.content_html) && !post.is_protected) {
    diagnostics.warn(post.origin,
                     "item " + std::to_string(index) + item_label(post.title) + " has no content; skipped");
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// RSS 2.0 and RSS 1.0.

class RssReader {
 public:
  RssReader(pugi::xml_node root, const std::string& origin, Diagnostics& diagnostics)
      : ns_(root), origin_(origin), diagnostics_(diagnostics) {
    rdf_ = local_name(root.name()) == "RDF";
    content_encoded_ = ns_.name(kContentNamespace, "content", "encoded");
    dc_creator_ = ns_.name(kDcNamespace, "dc", "creator");
    dc_date_ = ns_.name(kDcNamespace, "dc", "date");
    dc_subject_ = ns_.name(kDcNamespace, "dc", "subject");
    media_thumbnail_ = ns_.name(kMediaNamespace, "media", "thumbnail");
    const pugi::xml_node container = rdf_ ? root : root.child("channel");
    const std::string item_name = name("item");  // children() keeps the pointer: the string must outlive the loop
    for (const pugi::xml_node item : container.children(item_name.c_str())) items_.push_back(item);
  }

  const std::vector<pugi::xml_node>& items() const { return items_; }
  std::size_t summaries() const { return summaries_; }

  std::optional<Post> read(pugi::xml_node item, std::size_t index) {
    Post post;
    post.origin = item_origin(origin_, index);
    post.status = "publish";
    post.title = html_to_plain_text(text_of(item.child(name("title").c_str())));
    post.link = child_text(item, name("link"));
    const pugi::xml_node guid = item.child("guid");
    post.guid = std::string(text::trim(text_of(guid)));
    if (rdf_ && post.guid.empty()) post.guid = item.attribute("rdf:about").value();
    const bool guid_is_link = !text::iequals(guid.attribute("isPermaLink").value(), "false");
    if (post.link.empty() && guid_is_link && url::is_fetchable(post.guid)) post.link = post.guid;
    post.id = choose_id(child_text(item, "post-id"), post.guid, post.link);
    post.slug = slug_from_link(post.link);

    const std::string published = child_text(item, "pubDate");
    const std::string dc_date = child_text(item, dc_date_);
    std::optional<FeedTime> time = published.empty() ? std::nullopt : parse_rfc822_time(published);
    if (!time && !dc_date.empty()) time = parse_iso8601_time(dc_date);
    set_time(post, time);

    post.author = html_to_plain_text(text_of(item.child(dc_creator_.c_str())));
    if (post.author.empty()) post.author = author_from_rss(child_text(item, "author"));

    const pugi::xml_node encoded = item.child(content_encoded_.c_str());
    if (encoded) {
      post.content_html = text_of(encoded);
    } else {
      post.content_html = text_of(item.child(name("description").c_str()));
      if (!text::is_blank(post.content_html)) ++summaries_;
    }
    post.is_protected = is_password_form(post.content_html);

    for (const pugi::xml_node category : item.children("category"))
      add_unique(post.categories, html_to_plain_text(text_of(category)));
    for (const pugi::xml_node subject : item.children(dc_subject_.c_str()))
      add_unique(post.categories, html_to_plain_text(text_of(subject)));
    if (const pugi::xml_node thumbnail = item.child(media_thumbnail_.c_str())) {
      FeaturedImage image;
      image.url = text::trim(thumbnail.attribute("url").value());
      image.width = thumbnail.attribute("width").as_int();
      image.height = thumbnail.attribute("height").as_int();
      if (!image.url.empty()) post.featured_image = image;
    }

    if (!usable(post, index, diagnostics_)) return std::nullopt;
    if (post.date.empty()) {
      const std::string written = published.empty() ? dc_date : published;
      diagnostics_.warn(post.origin, written.empty() ? "has no date" : "has an unreadable date \"" + written + "\"");
    }
    return post;
  }

 private:
  // RSS 1.0 elements live in its namespace (normally the default one).
  std::string name(std::string_view local) const {
    return rdf_ ? ns_.name(kRss1Namespace, "", local) : std::string(local);
  }

  // RSS <author> is "email (Name)" or just an email address.
  static std::string author_from_rss(const std::string& author) {
    const std::size_t open = author.find('(');
    const std::size_t close = author.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open)
      return html_to_plain_text(author.substr(open + 1, close - open - 1));
    return html_to_plain_text(author);
  }

  Namespaces ns_;
  const std::string& origin_;
  Diagnostics& diagnostics_;
  bool rdf_ = false;
  std::string content_encoded_, dc_creator_, dc_date_, dc_subject_, media_thumbnail_;
  std::vector<pugi::xml_node> items_;
  std::size_t summaries_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Atom 1.0.

struct StringWriter : pugi::xml_writer {
  std::string text;
  void write(const void* data, std::size_t size) override { text.append(static_cast<const char*>(data), size); }
};

class AtomReader {
 public:
  AtomReader(pugi::xml_node root, const std::string& origin, Diagnostics& diagnostics)
      : origin_(origin), diagnostics_(diagnostics) {
    const std::string root_name = root.name();
    const std::size_t colon = root_name.find(':');
    prefix_ = colon == std::string::npos ? std::string() : root_name.substr(0, colon);
    const std::string entry_name = name("entry");  // children() keeps the pointer
    for (const pugi::xml_node entry : root.children(entry_name.c_str())) entries_.push_back(entry);
    feed_author_ = html_to_plain_text(text_of(root.child(name("author").c_str()).child(name("name").c_str())));
  }

  const std::vector<pugi::xml_node>& entries() const { return entries_; }

  std::optional<Post> read(pugi::xml_node entry, std::size_t index) {
    Post post;
    post.origin = item_origin(origin_, index);
    post.status = "publish";
    post.title = title_text(entry.child(name("title").c_str()));
    post.link = alternate_link(entry);
    post.guid = child_text(entry, name("id"));
    post.id = choose_id(child_text(entry, "post-id"), post.guid, post.link);
    post.slug = slug_from_link(post.link);

    const std::string published = child_text(entry, name("published"));
    const std::string updated = child_text(entry, name("updated"));
    set_time(post, parse_iso8601_time(published.empty() ? updated : published));
    if (const std::optional<FeedTime> modified = parse_iso8601_time(updated)) post.modified_gmt = modified->utc;

    post.author = html_to_plain_text(text_of(entry.child(name("author").c_str()).child(name("name").c_str())));
    if (post.author.empty()) post.author = feed_author_;

    post.content_html = content_html(entry.child(name("content").c_str()));
    if (text::is_blank(post.content_html)) post.content_html = content_html(entry.child(name("summary").c_str()));
    post.is_protected = is_password_form(post.content_html);

    const std::string category_name = name("category");
    for (const pugi::xml_node category : entry.children(category_name.c_str())) {
      const char* label = category.attribute("label").value();
      add_unique(post.categories, html_to_plain_text(*label ? label : category.attribute("term").value()));
    }

    if (!usable(post, index, diagnostics_)) return std::nullopt;
    if (post.date.empty())
      diagnostics_.warn(post.origin,
                        published.empty() && updated.empty()
                            ? "has no date"
                            : "has an unreadable date \"" + (published.empty() ? updated : published) + "\"");
    return post;
  }

 private:
  std::string name(std::string_view local) const {
    return prefix_.empty() ? std::string(local) : prefix_ + ":" + std::string(local);
  }

  // The children of an xhtml construct's <div>, serialized.
  static std::string xhtml_inner(pugi::xml_node construct) {
    pugi::xml_node div = construct;
    for (pugi::xml_node child = construct.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      div = child;
      break;
    }
    StringWriter writer;
    for (const pugi::xml_node child : div.children()) child.print(writer, "", pugi::format_raw);
    return writer.text;
  }

  static std::string title_text(pugi::xml_node title) {
    const std::string type = title.attribute("type").value();
    if (type == "html") return html_to_plain_text(text_of(title));
    if (type == "xhtml") return html_to_plain_text(xhtml_inner(title));
    // text: already plain; only whitespace to tidy
    return std::string(text::trim(text::collapse_whitespace(utf8::sanitize_for_xml(text_of(title)))));
  }

  static std::string content_html(pugi::xml_node content) {
    if (!content || content.attribute("src")) return {};
    const std::string type = text::ascii_lower(content.attribute("type").value());
    if (type == "html" || type == "text/html") return text_of(content);
    if (type == "xhtml" || type == "application/xhtml+xml") return xhtml_inner(content);
    if (type.empty() || type == "text" || type.starts_with("text/")) return text_to_html(text_of(content));
    return {};  // base64 media
  }

  std::string alternate_link(pugi::xml_node entry) const {
    std::string best;
    const std::string link_name = name("link");
    for (const pugi::xml_node link : entry.children(link_name.c_str())) {
      const std::string rel = link.attribute("rel").value();
      if (!rel.empty() && rel != "alternate") continue;
      const std::string type = link.attribute("type").value();
      const std::string href = std::string(text::trim(link.attribute("href").value()));
      if (href.empty()) continue;
      if (best.empty() || type.empty() || type == "text/html") best = href;
      if (type == "text/html") break;
    }
    if (best.empty() || url::parse(best)) return best;
    // A relative link: against xml:base, else the feed's own address.
    for (pugi::xml_node node = entry; node; node = node.parent())
      if (const char* base = node.attribute("xml:base").value(); *base)
        if (const auto resolved = url::resolve(base, best)) return *resolved;
    if (const auto resolved = url::resolve(origin_, best)) return *resolved;
    return best;
  }

  const std::string& origin_;
  Diagnostics& diagnostics_;
  std::string prefix_;
  std::string feed_author_;
  std::vector<pugi::xml_node> entries_;
};

template <typename Reader>
std::vector<Post> read_all(Reader& reader, const std::vector<pugi::xml_node>& items, const std::string& origin) {
  if (items.empty()) throw BuildError(origin, "holds no items: the feed is empty");
  std::vector<Post> posts;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (std::optional<Post> post = reader.read(items[i], i + 1)) posts.push_back(std::move(*post));
  if (posts.empty())
    throw BuildError(origin, "none of its " + std::to_string(items.size()) +
                                 " items could be read (each was skipped; see the warnings above)");
  return posts;
}

}  // namespace

XmlSourceKind detect_xml_source(std::string_view text) {
  return detect(text).kind;
}

std::vector<Post> read_feed(std::string_view text, const std::string& origin, Diagnostics& diagnostics) {
  const Detection detection = detect(text);
  switch (detection.kind) {
    case XmlSourceKind::Wxr:
      return read_wxr(text, origin, diagnostics);
    case XmlSourceKind::NotXmlFeed:
      throw BuildError(origin, "is not an RSS or Atom feed: " + detection.what);
    case XmlSourceKind::Atom: {
      // Whitespace between inline elements matters in xhtml content.
      const auto xml = parse_xml(text, origin, diagnostics, pugi::parse_default | pugi::parse_ws_pcdata);
      AtomReader reader(xml->document.document_element(), origin, diagnostics);
      return read_all(reader, reader.entries(), origin);
    }
    case XmlSourceKind::Rss:
      break;
  }
  const auto xml = parse_xml(text, origin, diagnostics);
  RssReader reader(xml->document.document_element(), origin, diagnostics);
  std::vector<Post> posts = read_all(reader, reader.items(), origin);
  if (reader.summaries() > 0)
    diagnostics.warn(origin, std::to_string(reader.summaries()) + " of its " + std::to_string(reader.items().size()) +
                                 " items have no content:encoded, only a description, which is often a summary "
                                 "(WordPress sends full text only when Settings > Reading > \"For each post in a "
                                 "feed, include\" is \"Full text\")");
  return posts;
}

}  // namespace pb::sources
