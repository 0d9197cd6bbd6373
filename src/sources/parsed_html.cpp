#include "sources/parsed_html.h"

#include <vector>

#include "common/utf8.h"

namespace pb::sources {

ParsedHtml::ParsedHtml(std::string_view html, Mode mode)
    : text_(utf8::sanitize_for_xml(html)), options_(kGumboDefaultOptions) {
  if (mode == Mode::Fragment) {
    options_.fragment_context = GUMBO_TAG_DIV;
    options_.fragment_namespace = GUMBO_NAMESPACE_HTML;
  }
  output_ = gumbo_parse_with_options(&options_, text_.data(), text_.size());
}

ParsedHtml::~ParsedHtml() {
  gumbo_destroy_output(&options_, output_);
}

void ParsedHtml::walk(const std::function<bool(const GumboNode&)>& visit) const {
  std::vector<const GumboNode*> stack = {output_->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!visit(*node)) continue;
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
}

}  // namespace pb::sources
