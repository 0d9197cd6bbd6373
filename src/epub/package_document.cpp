// EPUB/content.opf. Series metadata is written twice (EPUB 3 collection and calibre's metas) for
// reader coverage; accessibility metadata follows EPUB Accessibility 1.1 and only claims what the
// content supports (text alternatives only when every embedded image has one).
#include <algorithm>
#include <string>

#include "common/iso_time.h"
#include "common/text.h"
#include "common/xml_writer.h"
#include "epub/documents.h"

namespace pb::epub {

namespace {

struct ImageCensus {
  int embedded = 0;      // figures whose image is in the book
  int without_alt = 0;   // ... of which have no alt text
  int not_included = 0;  // figures shown as a placeholder
};

ImageCensus count_images(const book::Book& book) {
  ImageCensus census;
  book::for_each_image(book, [&](const book::ImageRef& image) {
    if (image.resource.empty() || !book.find_resource(image.resource)) {
      ++census.not_included;
      return;
    }
    ++census.embedded;
    if (text::is_blank(image.alt)) ++census.without_alt;
  });
  return census;
}

class PackageWriter {
 public:
  PackageWriter(const book::Book& book, const Layout& layout) : book_(book), layout_(layout) {}

  std::string write() {
    const std::string language = book::document_language(book_);
    xml_.declaration();
    xml_.open("package", {{"xmlns", "http://www.idpf.org/2007/opf"},
                          {"version", "3.0"},
                          {"unique-identifier", "bookid"},
                          {"xml:lang", language}});
    xml_.newline();
    metadata(language);
    manifest();
    spine();
    xml_.close("package");
    xml_.newline();
    return xml_.take();
  }

 private:
  void line(std::string_view name, const XmlWriter::Attributes& attributes, std::string_view text) {
    xml_.raw("    ");
    xml_.element(name, attributes, text);
    xml_.newline();
  }
  void empty_line(std::string_view name, const XmlWriter::Attributes& attributes) {
    xml_.raw("    ");
    xml_.empty(name, attributes);
    xml_.newline();
  }
  void meta(std::string_view property, std::string_view value) { line("meta", {{"property", property}}, value); }
  void refine(std::string_view id, std::string_view property, std::string_view value) {
    std::string target = "#";  // not "#" + std::string(id): GCC 12 -O3 flags that with a false -Wrestrict
    target += id;
    line("meta", {{"refines", target}, {"property", property}}, value);
  }

  void metadata(const std::string& language) {
    xml_.raw("  ");
    xml_.open("metadata", {{"xmlns:dc", "http://purl.org/dc/elements/1.1/"}});
    xml_.newline();
    line("dc:identifier", {{"id", "bookid"}}, layout_.identifier);
    line("dc:title", {}, layout_.title);
    int creator = 0;
    for (const std::string& author : book_.authors) {
      if (text::is_blank(author)) continue;
      const std::string id = "creator" + std::to_string(++creator);
      line("dc:creator", {{"id", id}}, author);
      line("meta", {{"refines", "#" + id}, {"property", "role"}, {"scheme", "marc:relators"}}, "aut");
    }
    line("dc:language", {}, language);
    if (const std::string date = iso_time::date_part(book_.date); !date.empty()) line("dc:date", {}, date);
    meta("dcterms:modified", iso_time::format_utc(book_.modified));
    if (!text::is_blank(book_.publisher)) line("dc:publisher", {}, book_.publisher);
    if (!text::is_blank(book_.source)) line("dc:source", {}, book_.source);
    if (!text::is_blank(book_.description)) line("dc:description", {}, book_.description);
    for (const std::string& subject : book_.subjects)
      if (!text::is_blank(subject)) line("dc:subject", {}, subject);
    series();
    accessibility();
    if (layout_.has_cover()) empty_line("meta", {{"name", "cover"}, {"content", "cover-image"}});
    xml_.raw("  ");
    xml_.close("metadata");
    xml_.newline();
  }

  void series() {
    if (!book_.series || text::is_blank(book_.series->name)) return;
    const book::SeriesInfo& series = *book_.series;
    const std::string position = std::to_string(std::max(series.position, 0));
    line("meta", {{"property", "belongs-to-collection"}, {"id", "series"}}, series.name);
    refine("series", "collection-type", "series");
    refine("series", "group-position", position);
    if (!text::is_blank(series.identifier)) refine("series", "dcterms:identifier", series.identifier);
    empty_line("meta", {{"name", "calibre:series"}, {"content", series.name}});
    empty_line("meta", {{"name", "calibre:series_index"}, {"content", position}});
  }

  void accessibility() {
    const ImageCensus census = count_images(book_);
    const bool visual = census.embedded > 0 || layout_.has_cover();
    const bool all_alt = census.without_alt == 0;
    meta("schema:accessMode", "textual");
    if (visual) meta("schema:accessMode", "visual");
    if (all_alt) meta("schema:accessModeSufficient", "textual");
    if (visual) meta("schema:accessModeSufficient", "textual,visual");
    meta("schema:accessibilityFeature", "structuralNavigation");
    meta("schema:accessibilityFeature", "tableOfContents");
    meta("schema:accessibilityFeature", "readingOrder");
    if (census.embedded > 0 && all_alt) meta("schema:accessibilityFeature", "alternativeText");
    meta("schema:accessibilityHazard", "none");

    std::string summary = "This publication has a table of contents, structured headings and a logical reading order.";
    if (census.embedded == 0) {
      summary += layout_.has_cover() ? " It contains no images other than the cover." : " It contains no images.";
    } else if (all_alt) {
      summary += " Every image has a text alternative.";
    } else {
      summary += " Some images have no text alternative.";
    }
    if (census.not_included > 0) summary += " Images that could not be included are described in the text.";
    meta("schema:accessibilitySummary", summary);
  }

  void manifest() {
    xml_.raw("  ");
    xml_.open("manifest");
    xml_.newline();
    for (const Item& item : layout_.items) {
      XmlWriter::Attributes attributes{{"id", item.id}, {"href", item.href}, {"media-type", item.media_type}};
      if (!item.properties.empty()) attributes.emplace_back("properties", item.properties);
      empty_line("item", attributes);
    }
    xml_.raw("  ");
    xml_.close("manifest");
    xml_.newline();
  }

  void spine() {
    xml_.raw("  ");
    xml_.open("spine", {{"toc", layout_.item(ItemKind::Ncx).id}});
    xml_.newline();
    for (const std::size_t index : layout_.spine) empty_line("itemref", {{"idref", layout_.items[index].id}});
    xml_.raw("  ");
    xml_.close("spine");
    xml_.newline();
  }

  const book::Book& book_;
  const Layout& layout_;
  XmlWriter xml_;
};

}  // namespace

std::string container_document() {
  XmlWriter xml;
  xml.declaration();
  xml.open("container", {{"version", "1.0"}, {"xmlns", "urn:oasis:names:tc:opendocument:xmlns:container"}});
  xml.newline();
  xml.raw("  ");
  xml.open("rootfiles");
  xml.newline();
  const std::string package_path = std::string(kPackageFolder) + "/content.opf";
  xml.raw("    ");
  xml.empty("rootfile", {{"full-path", package_path}, {"media-type", "application/oebps-package+xml"}});
  xml.newline();
  xml.raw("  ");
  xml.close("rootfiles");
  xml.newline();
  xml.close("container");
  xml.newline();
  return xml.take();
}

std::string package_document(const book::Book& book, const Layout& layout) {
  return PackageWriter(book, layout).write();
}

}  // namespace pb::epub
