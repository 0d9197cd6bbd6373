// Parsing feeds and exports with pugixml, after xml_text's repairs, and the small helpers
// both readers need (text of an element, namespace prefixes). Internal to sources/.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "common/diagnostics.h"
#include "sources/xml_text.h"

namespace pb::sources {

struct XmlDocument {
  std::string buffer;  // the repaired text; pugixml parses it in place and points into it
  pugi::xml_document document;
  XmlRepairs repairs;
};

// Repairs the text (xml_text.h), warns once through diagnostics when anything in the content
// had to change, and parses it. Throws BuildError(origin, "is not well-formed XML: line 12,
// column 5: start-end tags mismatch ...") when it still cannot be parsed.
std::unique_ptr<XmlDocument> parse_xml(std::string_view text, const std::string& origin, Diagnostics& diagnostics,
                                       unsigned options = pugi::parse_default);

// The text of an element: its text and CDATA children joined (WXR splits CDATA sections around
// "]]>"), or "" for a null node.
std::string text_of(pugi::xml_node node);

// The trimmed text of the first child with that name.
std::string child_text(pugi::xml_node parent, const std::string& name);

// Namespace prefixes as a document declares them (xmlns:content="..."), collected from the
// root element and its children. pugixml does not resolve namespaces: elements are named by
// their prefixed names, so readers look the prefix up here.
class Namespaces {
 public:
  explicit Namespaces(pugi::xml_node root);

  // "content:encoded" for (content namespace, "encoded") under the prefix the document uses,
  // or under fallback_prefix when the document does not declare the namespace.
  std::string name(std::string_view uri, std::string_view fallback_prefix, std::string_view local) const;
  // The prefix of the first declared namespace whose URI matches; false when there is none.
  bool find_prefix(const std::function<bool(std::string_view uri)>& matches, std::string& prefix) const;
  // The prefix of the namespace uri, "" for the default namespace; false when undeclared.
  bool prefix_of(std::string_view uri, std::string& prefix) const;

 private:
  std::map<std::string, std::string, std::less<>> prefix_by_uri_;
};

}  // namespace pb::sources
