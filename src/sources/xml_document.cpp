#include "sources/xml_document.h"

#include <algorithm>

#include "common/error.h"
#include "common/text.h"
#include "common/utf8.h"

namespace pb::sources {

namespace {

void collect_declarations(pugi::xml_node node, std::map<std::string, std::string, std::less<>>& prefixes) {
  for (const pugi::xml_attribute attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    std::string prefix;
    if (name == "xmlns")
      prefix = "";
    else if (name.starts_with("xmlns:"))
      prefix = std::string(name.substr(6));
    else
      continue;
    prefixes.emplace(attribute.value(), prefix);  // the first declaration wins
  }
}

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

}  // namespace

std::unique_ptr<XmlDocument> parse_xml(std::string_view text, const std::string& origin, Diagnostics& diagnostics,
                                       unsigned options) {
  auto xml = std::make_unique<XmlDocument>();
  xml->buffer = repair_xml(text, origin, xml->repairs);
  if (xml->repairs.any()) diagnostics.warn(origin, "repaired invalid XML: " + xml->repairs.describe());
  const pugi::xml_parse_result result =
      xml->document.load_buffer_inplace(xml->buffer.data(), xml->buffer.size(), options, pugi::encoding_utf8);
  if (result) return xml;

  if (result.status == pugi::status_no_document_element)
    throw BuildError(origin, "is not an XML document: no root element found");
  // pugixml has changed the buffer while parsing in place: count lines in a fresh repair.
  XmlRepairs again;
  const std::string pristine = repair_xml(text, origin, again);
  const std::size_t offset = result.offset < 0 ? 0 : std::min(static_cast<std::size_t>(result.offset), pristine.size());
  const std::string_view before = std::string_view(pristine).substr(0, offset);
  const auto line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1 + again.skipped_lines;
  const std::size_t newline = before.rfind('\n');
  const std::size_t column = utf8::length(before.substr(newline == std::string_view::npos ? 0 : newline + 1)) + 1;
  std::string message = "is not well-formed XML: line " + std::to_string(line) + ", column " + std::to_string(column) +
                        ": " + lower_first(result.description());
  if (xml->repairs.any()) message += " (after removing what XML forbids: " + xml->repairs.describe() + ")";
  throw BuildError(origin, message);
}

std::string text_of(pugi::xml_node node) {
  std::string text;
  for (const pugi::xml_node child : node.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
  return text;
}

std::string child_text(pugi::xml_node parent, const std::string& name) {
  return std::string(text::trim(text_of(parent.child(name.c_str()))));
}

Namespaces::Namespaces(pugi::xml_node root) {
  collect_declarations(root, prefix_by_uri_);
  // The channel of an RSS feed; items never declare the namespaces readers need.
  for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    collect_declarations(child, prefix_by_uri_);
    break;
  }
}

std::string Namespaces::name(std::string_view uri, std::string_view fallback_prefix, std::string_view local) const {
  std::string prefix;
  if (!prefix_of(uri, prefix)) prefix = std::string(fallback_prefix);
  return prefix.empty() ? std::string(local) : prefix + ":" + std::string(local);
}

bool Namespaces::find_prefix(const std::function<bool(std::string_view uri)>& matches, std::string& prefix) const {
  for (const auto& [uri, declared] : prefix_by_uri_) {
    if (!matches(uri)) continue;
    prefix = declared;
    return true;
  }
  return false;
}

bool Namespaces::prefix_of(std::string_view uri, std::string& prefix) const {
  const auto found = prefix_by_uri_.find(uri);
  if (found == prefix_by_uri_.end()) return false;
  prefix = found->second;
  return true;
}

}  // namespace pb::sources
