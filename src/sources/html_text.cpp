#include "sources/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <vector>

#include "common/text.h"
#include "common/url.h"
#include "common/utf8.h"

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

  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_DIV;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  GumboOutput* output = gumbo_parse_with_options(&options, clean.data(), clean.size());
  std::string text;
  std::vector<const GumboNode*> stack = {output->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      text += node->v.text.text;
    } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) continue;
      // Block boundaries separate words: "<p>One</p><p>Two</p>" reads "One Two".
      if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_LI ||
          tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_TD ||
          tag == GUMBO_TAG_TH || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_FIGCAPTION)
        text += ' ';
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i > 0; --i)
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  gumbo_destroy_output(&options, output);
  return collapse_all_spaces(utf8::sanitize_for_xml(text));
}

std::vector<std::string> links_in_html(std::string_view html, const std::string& base_url) {
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_DIV;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  const std::string clean = utf8::sanitize_for_xml(html);
  GumboOutput* output = gumbo_parse_with_options(&options, clean.data(), clean.size());
  std::vector<std::string> links;
  std::vector<const GumboNode*> stack = {output->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& element = node->v.element;
    if (element.tag == GUMBO_TAG_A)
      if (const GumboAttribute* href = gumbo_get_attribute(&element.attributes, "href"))
        if (const auto absolute = url::resolve(base_url, href->value);
            absolute && url::is_fetchable(*absolute) && std::find(links.begin(), links.end(), *absolute) == links.end())
          links.push_back(*absolute);
    for (unsigned i = element.children.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(element.children.data[i - 1]));
  }
  gumbo_destroy_output(&options, output);
  return links;
}

}  // namespace pb::sources
