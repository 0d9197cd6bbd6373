#include "sources/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <vector>

#include "common/text.h"
#include "common/url.h"
#include "common/utf8.h"
#include "sources/parsed_html.h"

namespace pb::sources {

namespace {

bool has_markup(std::string_view html) {
  return html.find_first_of("<&") != std::string_view::npos;
}

std::string collapse_all_spaces(std::string_view text) {
  // Titles are one line: no-break spaces count as spaces here.
  const std::string spaced = text::replace_all(text, "\xC2\xA0", " ");
  return std::string(text::trim(text::collapse_whitespace(spaced)));
}

}  // namespace

std::string html_to_plain_text(std::string_view html) {
  const std::string clean = utf8::sanitize_for_xml(html);
  if (!has_markup(clean)) return collapse_all_spaces(clean);

  std::string text;
  ParsedHtml(clean, ParsedHtml::Mode::Fragment).walk([&](const GumboNode& node) {
    if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE || node.type == GUMBO_NODE_CDATA) {
      text += node.v.text.text;
      return false;
    }
    if (node.type != GUMBO_NODE_ELEMENT && node.type != GUMBO_NODE_TEMPLATE) return true;
    const GumboTag tag = node.v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return false;
    // Block boundaries separate words: "<p>One</p><p>Two</p>" reads "One Two".
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_LI ||
        tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_TD ||
        tag == GUMBO_TAG_TH || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_FIGCAPTION)
      text += ' ';
    return true;
  });
  return collapse_all_spaces(utf8::sanitize_for_xml(text));
}

std::vector<std::string> links_in_html(std::string_view html, const std::string& base_url) {
  std::vector<std::string> links;
  ParsedHtml(html, ParsedHtml::Mode::Fragment).walk([&](const GumboNode& node) {
    if (node.type != GUMBO_NODE_ELEMENT) return true;
    if (node.v.element.tag == GUMBO_TAG_A)
      if (const GumboAttribute* href = gumbo_get_attribute(&node.v.element.attributes, "href"))
        if (const auto absolute = url::resolve(base_url, href->value);
            absolute && url::is_fetchable(*absolute) && std::find(links.begin(), links.end(), *absolute) == links.end())
          links.push_back(*absolute);
    return true;
  });
  return links;
}

}  // namespace pb::sources
