#include "transform/nesting_limiter.h"

#include <array>
#include <cctype>

#include "common/text.h"

namespace pb::transform {

namespace {

// Void elements and elements closed implicitly by their siblings or parents.
constexpr std::array<std::string_view, 33> kUncounted = {
    "area",   "base",  "br",    "col",    "embed",    "hr",       "img",     "input", "link", "meta", "param",
    "source", "track", "wbr",   "keygen", "p",        "li",       "dt",      "dd",    "tr",   "td",   "th",
    "thead",  "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rb",    "rt",   "rtc",  "rp"};

// Elements whose content is text up to their end tag: "<div>" inside a script is not a tag.
constexpr std::array<std::string_view, 8> kRawText = {"script", "style",  "textarea", "title",
                                                      "xmp",    "iframe", "noembed",  "noframes"};

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  for (std::string_view candidate : names)
    if (candidate == name) return true;
  return false;
}

struct Tag {
  std::size_t end = 0;  // one past '>'
  std::string name;     // lower case
  bool closing = false;
  bool self_closing = false;
};

// Reads the tag starting at html[at] == '<'; nullopt-like (end == 0) when it is not a tag.
Tag read_tag(std::string_view html, std::size_t at) {
  Tag tag;
  std::size_t pos = at + 1;
  if (pos < html.size() && html[pos] == '/') {
    tag.closing = true;
    ++pos;
  }
  const std::size_t name_start = pos;
  while (pos < html.size() && std::isalnum(static_cast<unsigned char>(html[pos]))) ++pos;
  if (pos == name_start) return {};
  tag.name = text::ascii_lower(html.substr(name_start, pos - name_start));
  // Find the closing '>' outside quoted attribute values.
  char quote = 0;
  for (; pos < html.size(); ++pos) {
    const char c = html[pos];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      tag.self_closing = pos > at && html[pos - 1] == '/';
      tag.end = pos + 1;
      return tag;
    }
  }
  return {};
}

// Where the end tag of a raw-text element starts ("</script" in any case), or the end.
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2))
    if (text::iequals(html.substr(at + 2, name.size()), name)) return at;
  return html.size();
}

}  // namespace

std::string limit_nesting(std::string_view html, int max_depth) {
  std::string out;
  bool trimmed = false;
  int depth = 0;
  std::size_t copied = 0;  // html[copied, at) is still to be copied
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.substr(at, 4) == "<!--") {
      const std::size_t end = html.find("-->", at + 4);
      at = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const Tag tag = read_tag(html, at);
    if (tag.end == 0) {
      ++at;
      continue;
    }
    if (!tag.closing && is_one_of(tag.name, kRawText)) {
      at = raw_text_end(html, tag.end, tag.name);
      continue;
    }
    const bool counted = !is_one_of(tag.name, kUncounted) && !tag.self_closing;
    bool drop = false;
    if (counted && !tag.closing) {
      ++depth;
      drop = depth > max_depth;
    } else if (counted && tag.closing) {
      drop = depth > max_depth;
      if (depth > 0) --depth;
    }
    if (drop) {
      out.append(html.substr(copied, at - copied));
      copied = tag.end;
      trimmed = true;
    }
    at = tag.end;
  }
  if (!trimmed) return std::string(html);
  out.append(html.substr(copied));
  return out;
}

}  // namespace pb::transform
