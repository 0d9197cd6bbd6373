// Parses generated XML back with libxml2 so tests can check it is well-formed and query it with
// XPath. Prefixes: h = XHTML, epub = OPS, opf = package, dc = Dublin Core, ncx = NCX.
#pragma once

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <string>
#include <vector>

namespace pb::test {

class XmlDocument {
 public:
  explicit XmlDocument(const std::string& text)
      : document_(xmlReadMemory(text.data(), static_cast<int>(text.size()), "test.xml", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                  xmlFreeDoc) {}

  bool well_formed() const { return document_ != nullptr; }

  // The string values of the nodes an XPath expression selects, in document order.
  std::vector<std::string> values(const std::string& xpath) const {
    std::vector<std::string> result;
    if (!document_) return result;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> context(xmlXPathNewContext(document_.get()),
                                                                             xmlXPathFreeContext);
    const std::pair<const char*, const char*> namespaces[] = {
        {"h", "http://www.w3.org/1999/xhtml"},           {"epub", "http://www.idpf.org/2007/ops"},
        {"opf", "http://www.idpf.org/2007/opf"},         {"dc", "http://purl.org/dc/elements/1.1/"},
        {"ncx", "http://www.daisy.org/z3986/2005/ncx/"}, {"c", "urn:oasis:names:tc:opendocument:xmlns:container"}};
    for (const auto& [prefix, uri] : namespaces)
      xmlXPathRegisterNs(context.get(), reinterpret_cast<const xmlChar*>(prefix),
                         reinterpret_cast<const xmlChar*>(uri));
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> found(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), context.get()), xmlXPathFreeObject);
    if (!found || !found->nodesetval) return result;
    for (int i = 0; i < found->nodesetval->nodeNr; ++i) {
      xmlChar* content = xmlNodeGetContent(found->nodesetval->nodeTab[i]);
      result.emplace_back(content ? reinterpret_cast<const char*>(content) : "");
      xmlFree(content);
    }
    return result;
  }

  std::size_t count(const std::string& xpath) const { return values(xpath).size(); }

  std::string value(const std::string& xpath) const {
    const std::vector<std::string> all = values(xpath);
    return all.empty() ? std::string("<none>") : all.front();
  }

 private:
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> document_;
};

}  // namespace pb::test
