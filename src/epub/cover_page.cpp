// EPUB/cover.xhtml: the cover image on a page of its own, with <img> (not a CSS background), as
// Kobo asks.
#include <stdexcept>
#include <string>

#include "book/xhtml_writer.h"
#include "common/text.h"
#include "common/xml_writer.h"
#include "epub/documents.h"

namespace pb::epub {

std::string cover_page(const book::Book& book, const Layout& layout) {
  if (!layout.has_cover()) throw std::logic_error("cover_page() called for a book without a cover");
  const book::Resource& cover = *layout.cover;
  const std::string& src = layout.resource_hrefs.at(cover.id);
  const std::string alt = text::is_blank(book.cover.alt) ? "Cover of " + layout.title : book.cover.alt;
  const std::string width = std::to_string(cover.width);
  const std::string height = std::to_string(cover.height);

  XmlWriter xml;
  book::begin_xhtml_document(xml, book::document_language(book), "Cover", layout.item(ItemKind::Stylesheet).href,
                             "cover");
  xml.open("div", {{"class", "cover-image"}});
  XmlWriter::Attributes attributes{{"src", src}, {"alt", alt}, {"epub:type", "cover"}, {"role", "doc-cover"}};
  if (cover.width > 0 && cover.height > 0) {
    attributes.emplace_back("width", width);
    attributes.emplace_back("height", height);
  }
  xml.empty("img", attributes);
  xml.close("div");
  xml.newline();
  book::end_xhtml_document(xml);
  return xml.take();
}

}  // namespace pb::epub
