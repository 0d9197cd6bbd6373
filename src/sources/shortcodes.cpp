#include "sources/shortcodes.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <vector>

#include "common/text.h"

namespace pb::sources {

namespace {

constexpr std::size_t kMaxAttributeLength = 4096;
constexpr int kMaxDepth = 32;

// Plugin shortcodes commonly written without attributes; removed rather than shown as text.
constexpr std::array<std::string_view, 14> kKnownSelfClosing = {
    "addtoany", "contact-form", "contact-form-7", "ez-toc",   "gravityform", "jetpack_subscription_form",
    "lwptoc",   "mc4wp_form",   "ninja_form",     "playlist", "ssba",        "table-of-contents",
    "toc",      "wpforms"};
constexpr std::array<std::string_view, 6> kVideoSources = {"src", "mp4", "m4v", "webm", "ogv", "flv"};
constexpr std::array<std::string_view, 7> kAudioSources = {"src", "mp3", "m4a", "ogg", "wav", "wma", "flac"};

bool is_space(char c) {
  return text::is_html_space(c) || c == '\v';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// WordPress's shortcode names: anything but <>&/[] controls, space and '='.
bool is_shortcode_name_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte > 0x20 && c != '<' && c != '>' && c != '&' && c != '/' && c != '[' && c != ']' && c != '=' &&
         byte != 0x7F;
}

// Escapes text for an attribute or element, leaving entities that are already there alone.
std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '&') {
      std::size_t end = i + 1;
      if (end < text.size() && text[end] == '#') ++end;
      while (end < text.size() && (is_alpha(text[end]) || (text[end] >= '0' && text[end] <= '9'))) ++end;
      const bool entity = end > i + 1 && end < text.size() && text[end] == ';';
      out += entity ? "&" : "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string link_paragraph(std::string_view address) {
  const std::string escaped = escape_html(text::trim(address));
  return "<p><a href=\"" + escaped + "\">" + escaped + "</a></p>";
}

bool is_url(std::string_view text) {
  const bool scheme = text::starts_with_icase(text, "http://") || text::starts_with_icase(text, "https://");
  if (!scheme || text.size() <= 8) return false;
  return std::none_of(text.begin(), text.end(), [](char c) { return is_space(c) || c == '<' || c == '>' || c == '"'; });
}

// shortcode_parse_atts: name="value", name='value', name=value, "value", value.
struct Attributes {
  std::vector<std::pair<std::string, std::string>> named;  // names in lower case
  std::vector<std::string> positional;
  bool only_pairs_and_quotes = true;  // no bare words: looks like a shortcode, not prose

  std::string get(std::string_view name) const {
    for (const auto& [key, value] : named)
      if (key == name) return value;
    return {};
  }
};

Attributes parse_attributes(std::string_view text) {
  Attributes attributes;
  std::size_t pos = 0;
  const auto skip_space = [&] {
    while (pos < text.size() && is_space(text[pos])) ++pos;
  };
  const auto read_value = [&]() -> std::string {
    if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
      const std::size_t close = text.find(text[pos], pos + 1);
      const std::size_t end = close == std::string_view::npos ? text.size() : close;
      std::string value(text.substr(pos + 1, end - pos - 1));
      pos = close == std::string_view::npos ? text.size() : close + 1;
      return value;
    }
    const std::size_t start = pos;
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    return std::string(text.substr(start, pos - start));
  };
  for (skip_space(); pos < text.size(); skip_space()) {
    if (text[pos] == '"' || text[pos] == '\'') {
      attributes.positional.push_back(read_value());
      continue;
    }
    const std::size_t start = pos;
    while (pos < text.size() && !is_space(text[pos]) && text[pos] != '=') ++pos;
    const std::string_view name = text.substr(start, pos - start);
    const std::size_t after_name = pos;
    skip_space();
    if (pos < text.size() && text[pos] == '=') {
      ++pos;
      skip_space();
      const bool valid_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return is_alpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
      });
      if (!valid_name) attributes.only_pairs_and_quotes = false;
      attributes.named.emplace_back(text::ascii_lower(name), read_value());
    } else {
      pos = after_name;
      attributes.positional.emplace_back(name);
      attributes.only_pairs_and_quotes = false;
    }
  }
  return attributes;
}

struct Shortcode {
  std::string name;
  std::string_view attribute_text;
  bool slash = false;                       // written "[name /]"
  std::optional<std::string_view> content;  // enclosing: between "[name]" and "[/name]"
  std::size_t end = 0;                      // after the shortcode
};

class Expander {
 public:
  Expander(const ShortcodeContext& context, int depth) : context_(context), depth_(depth) {}

  std::string run(std::string_view text);

 private:
  std::optional<Shortcode> parse(std::string_view text, std::size_t at);
  std::size_t closing_tag(std::string_view text, const std::string& name, std::size_t from);
  std::string render(const Shortcode& code, std::string_view source);
  std::string caption(const Shortcode& code, const Attributes& attributes);
  std::string gallery(const Attributes& attributes);
  std::string media_link(const Shortcode& code, const Attributes& attributes, bool video);
  std::string expand_inner(std::string_view text) const {
    return depth_ >= kMaxDepth ? std::string(text) : Expander(context_, depth_ + 1).run(text);
  }
  void warn(const std::string& message) const {
    if (context_.warn) context_.warn(message);
  }

  const ShortcodeContext& context_;
  int depth_;
  std::unordered_map<std::string, std::size_t> closing_cache_;
};

std::optional<Shortcode> Expander::parse(std::string_view text, std::size_t at) {
  std::size_t pos = at + 1;
  while (pos < text.size() && is_shortcode_name_char(text[pos])) ++pos;
  if (pos == at + 1 || pos >= text.size()) return std::nullopt;
  if (!is_space(text[pos]) && text[pos] != ']' && text[pos] != '/') return std::nullopt;
  Shortcode code;
  code.name = std::string(text.substr(at + 1, pos - at - 1));
  const std::size_t attributes_start = pos;
  const std::size_t close = text.find_first_of("[]", pos);
  if (close == std::string_view::npos || text[close] != ']' || close - pos > kMaxAttributeLength) return std::nullopt;
  code.attribute_text = text.substr(attributes_start, close - attributes_start);
  if (code.attribute_text.ends_with('/')) {
    code.slash = true;
    code.attribute_text.remove_suffix(1);
  }
  code.end = close + 1;
  if (!code.slash) {
    const std::size_t closing = closing_tag(text, code.name, code.end);
    if (closing != std::string_view::npos) {
      code.content = text.substr(code.end, closing - code.end);
      code.end = closing + code.name.size() + 3;
    }
  }
  return code;
}

// Where "[/name]" first occurs at or after from; remembered per name so that prose full of
// brackets is scanned once per name, not once per bracket.
std::size_t Expander::closing_tag(std::string_view text, const std::string& name, std::size_t from) {
  const auto cached = closing_cache_.find(name);
  if (cached != closing_cache_.end() && (cached->second == std::string_view::npos || cached->second >= from))
    return cached->second;
  const std::size_t found = text.find("[/" + name + "]", from);
  closing_cache_[name] = found;
  return found;
}

std::string Expander::caption(const Shortcode& code, const Attributes& attributes) {
  std::string media = code.content ? expand_inner(text::trim(*code.content)) : std::string();
  std::string text_caption = attributes.get("caption");
  if (text_caption.empty()) {
    // WordPress: ((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*) - the image, then the caption.
    const std::string lower = text::ascii_lower(media);
    const std::size_t image = lower.find("<img");
    const std::size_t image_end = image == std::string::npos ? std::string::npos : lower.find('>', image);
    if (image_end == std::string::npos) return media;  // no image: nothing to caption
    std::size_t split = image_end + 1;
    std::size_t after = split;
    while (after < lower.size() && is_space(lower[after])) ++after;
    if (lower.compare(after, 4, "</a>") == 0) split = after + 4;
    text_caption = std::string(text::trim(std::string_view(media).substr(split)));
    media.erase(split);
  }
  const std::string id = attributes.get("id");
  std::string align = attributes.get("align");
  if (align.empty()) align = "alignnone";
  std::string html = "<figure";
  if (!id.empty()) html += " id=\"" + escape_html(id) + "\"";
  html += " class=\"wp-caption " + escape_html(align) + "\">" + media;
  if (!text_caption.empty()) html += "<figcaption class=\"wp-caption-text\">" + text_caption + "</figcaption>";
  return html + "</figure>";
}

std::string Expander::gallery(const Attributes& attributes) {
  std::vector<const Attachment*> images;
  std::string ids = attributes.get("ids");
  if (ids.empty()) ids = attributes.get("include");
  if (!ids.empty()) {
    for (const std::string_view item : text::split(ids, ',')) {
      const std::string_view id_text = text::trim(item);
      if (id_text.empty()) continue;
      std::int64_t id = 0;
      bool digits = true;
      for (const char c : id_text) {
        if (c < '0' || c > '9' || id > (std::int64_t{1} << 50))
          digits = false;
        else
          id = id * 10 + (c - '0');
      }
      const Attachment* found = nullptr;
      if (digits && context_.attachments) {
        const auto match = context_.attachments->find(id);
        if (match != context_.attachments->end() && !match->second.url.empty()) found = &match->second;
      }
      if (found)
        images.push_back(found);
      else
        warn("[gallery]: no attachment " + std::string(id_text) + " in the export; left out of the gallery");
    }
  } else if (context_.attachments) {
    for (const auto& [id, attachment] : *context_.attachments)
      if (attachment.parent == context_.post_id && context_.post_id != 0 && !attachment.url.empty())
        images.push_back(&attachment);
    std::stable_sort(images.begin(), images.end(),
                     [](const Attachment* a, const Attachment* b) { return a->menu_order < b->menu_order; });
  }
  if (images.empty()) {
    warn("[gallery]: no images found for it; the gallery is left out");
    return {};
  }
  std::string columns = attributes.get("columns");
  if (columns.empty() || !std::all_of(columns.begin(), columns.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      columns.size() > 2)
    columns = "3";
  std::string html = "<div class=\"gallery gallery-columns-" + columns + "\">\n";
  for (const Attachment* image : images) {
    html += "<figure class=\"gallery-item\"><img src=\"" + escape_html(image->url) + "\" alt=\"" +
            escape_html(image->alt) + "\"";
    if (image->width > 0 && image->height > 0)
      html += " width=\"" + std::to_string(image->width) + "\" height=\"" + std::to_string(image->height) + "\"";
    html += " />";
    if (!image->caption.empty())
      html += "<figcaption class=\"wp-caption-text gallery-caption\">" + escape_html(image->caption) + "</figcaption>";
    html += "</figure>\n";
  }
  return html + "</div>";
}

std::string Expander::media_link(const Shortcode& code, const Attributes& attributes, bool video) {
  std::string source;
  for (const std::string_view key : video ? std::vector<std::string_view>(kVideoSources.begin(), kVideoSources.end())
                                          : std::vector<std::string_view>(kAudioSources.begin(), kAudioSources.end())) {
    source = attributes.get(key);
    if (!source.empty()) break;
  }
  if (source.empty() && code.content && is_url(text::trim(*code.content)))
    source = std::string(text::trim(*code.content));
  if (source.empty()) {
    warn("[" + code.name + "] without a source; left out");
    return {};
  }
  return link_paragraph(source);
}

std::string Expander::render(const Shortcode& code, std::string_view source) {
  const std::string name = text::ascii_lower(code.name);
  const Attributes attributes = parse_attributes(code.attribute_text);
  if (name == "caption" || name == "wp_caption") return caption(code, attributes);
  if (name == "gallery") return gallery(attributes);
  if (name == "embed") {
    const std::string address(text::trim(code.content.value_or(std::string_view())));
    if (is_url(address)) return link_paragraph(address);
    warn("[embed] without a URL; left out");
    return {};
  }
  if (name == "video") return media_link(code, attributes, true);
  if (name == "audio") return media_link(code, attributes, false);
  if (code.content) return expand_inner(*code.content);
  const bool looks_like_shortcode =
      code.slash || std::find(kKnownSelfClosing.begin(), kKnownSelfClosing.end(), name) != kKnownSelfClosing.end() ||
      (attributes.only_pairs_and_quotes && (!attributes.named.empty() || !attributes.positional.empty()));
  return looks_like_shortcode ? std::string() : std::string(source);
}

// Leaves code samples alone, except for WordPress's "[[name ...]]" escape.
std::string unescape_only(std::string_view text);

std::string Expander::run(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const std::string lower = text::ascii_lower(text);
  bool in_link = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // A URL alone on its line: WordPress's oEmbed.
    if ((pos == 0 || text[pos - 1] == '\n') && !in_link) {
      const std::size_t line_end = std::min(text.find('\n', pos), text.size());
      const std::string_view line = text::trim(text.substr(pos, line_end - pos));
      if (is_url(line)) {
        out += link_paragraph(line);
        pos = line_end;
        continue;
      }
    }
    const char c = text[pos];
    if (c == '<') {
      if (text.substr(pos).starts_with("<!--")) {
        const std::size_t close = text.find("-->", pos + 4);
        const std::size_t end = close == std::string_view::npos ? text.size() : close + 3;
        out += text.substr(pos, end - pos);
        pos = end;
        continue;
      }
      const bool closing = pos + 1 < text.size() && text[pos + 1] == '/';
      const std::size_t name_start = pos + (closing ? 2 : 1);
      if (name_start < text.size() && is_alpha(text[name_start])) {
        std::size_t name_end = name_start;
        while (name_end < text.size() && (is_alpha(text[name_end]) || (text[name_end] >= '0' && text[name_end] <= '9')))
          ++name_end;
        const std::string_view name = std::string_view(lower).substr(name_start, name_end - name_start);
        const std::size_t tag_close = text.find('>', name_end);
        const std::size_t end = tag_close == std::string_view::npos ? text.size() : tag_close + 1;
        if (name == "a") in_link = !closing;
        if (!closing && (name == "pre" || name == "code" || name == "script" || name == "style")) {
          const std::size_t close = lower.find("</" + std::string(name), end);
          const std::size_t close_end = close == std::string::npos ? std::string::npos : lower.find('>', close);
          const std::size_t region_end = close_end == std::string::npos ? text.size() : close_end + 1;
          const std::string_view region = text.substr(pos, region_end - pos);
          out += name == "pre" || name == "code" ? unescape_only(region) : std::string(region);
          pos = region_end;
          continue;
        }
        out += text.substr(pos, end - pos);
        pos = end;
        continue;
      }
    }
    if (c == '[') {
      if (pos + 1 < text.size() && text[pos + 1] == '[') {
        const std::optional<Shortcode> inner = parse(text, pos + 1);
        if (inner && inner->end < text.size() && text[inner->end] == ']') {
          out += text.substr(pos + 1, inner->end - pos - 1);
          pos = inner->end + 1;
          continue;
        }
        out += c;
        ++pos;
        continue;
      }
      if (const std::optional<Shortcode> code = parse(text, pos)) {
        out += render(*code, text.substr(pos, code->end - pos));
        // A self-closing shortcode left as text is prose: go on after its ']' only.
        pos = code->end;
        continue;
      }
    }
    // Plain text up to the next character that may start something; that character alone
    // when it did not (a '<' of "a < b", a '[' of prose, a newline).
    const std::size_t next = text.find_first_of("<[\n", pos);
    const std::size_t end = next == pos ? pos + 1 : std::min(next, text.size());
    out += text.substr(pos, end - pos);
    pos = end;
  }
  return out;
}

std::string unescape_only(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("[[", pos);
    if (open == std::string_view::npos) break;
    std::size_t name_end = open + 2;
    while (name_end < text.size() && is_shortcode_name_char(text[name_end])) ++name_end;
    const std::size_t close = text.find("]]", name_end);
    const bool shortcode = name_end > open + 2 && close != std::string_view::npos &&
                           text.substr(open + 2, close - open - 2).find_first_of("[]") == std::string_view::npos;
    if (!shortcode) {
      out += text.substr(pos, open + 1 - pos);
      pos = open + 1;
      continue;
    }
    out += text.substr(pos, open - pos);
    out += text.substr(open + 1, close + 1 - open - 1);
    pos = close + 2;
  }
  out += text.substr(pos);
  return out;
}

}  // namespace

std::string expand_shortcodes(std::string_view content, const ShortcodeContext& context) {
  return Expander(context, 0).run(content);
}

}  // namespace pb::sources
