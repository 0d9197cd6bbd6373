#include "pdf/xmp.h"

#include "common/iso_time.h"
#include "common/xml_writer.h"

namespace pb::pdf {

namespace {

void alternative(XmlWriter& xml, const char* name, const std::string& value) {
  xml.open(name);
  xml.open("rdf:Alt");
  xml.element("rdf:li", {{"xml:lang", "x-default"}}, value);
  xml.close("rdf:Alt");
  xml.close(name);
}

void sequence(XmlWriter& xml, const char* name, const char* kind, const std::vector<std::string>& values) {
  xml.open(name);
  xml.open(kind);
  for (const std::string& value : values) xml.element("rdf:li", value);
  xml.close(kind);
  xml.close(name);
}

}  // namespace

std::string xmp_packet(const DocumentInfo& info, const std::string& producer) {
  XmlWriter xml;
  xml.raw("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
  xml.open("x:xmpmeta", {{"xmlns:x", "adobe:ns:meta/"}});
  xml.open("rdf:RDF", {{"xmlns:rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}});
  xml.open("rdf:Description", {{"rdf:about", ""},
                               {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                               {"xmlns:xmp", "http://ns.adobe.com/xap/1.0/"},
                               {"xmlns:pdf", "http://ns.adobe.com/pdf/1.3/"}});
  xml.element("dc:format", "application/pdf");
  if (!info.title.empty()) alternative(xml, "dc:title", info.title);
  if (!info.authors.empty()) sequence(xml, "dc:creator", "rdf:Seq", info.authors);
  if (!info.description.empty()) alternative(xml, "dc:description", info.description);
  if (!info.subjects.empty()) sequence(xml, "dc:subject", "rdf:Bag", info.subjects);
  if (!info.language.empty()) sequence(xml, "dc:language", "rdf:Bag", {info.language});
  if (!info.identifier.empty()) xml.element("dc:identifier", info.identifier);
  const std::string date = iso_time::format_utc(info.modified);
  xml.element("xmp:CreateDate", date);
  xml.element("xmp:ModifyDate", date);
  xml.element("xmp:MetadataDate", date);
  xml.element("xmp:CreatorTool", info.creator);
  xml.element("pdf:Producer", producer);
  if (!info.keywords.empty()) xml.element("pdf:Keywords", info.keywords);
  xml.close("rdf:Description");
  xml.close("rdf:RDF");
  xml.close("x:xmpmeta");
  xml.raw("\n<?xpacket end=\"w\"?>");
  return xml.take();
}

}  // namespace pb::pdf
