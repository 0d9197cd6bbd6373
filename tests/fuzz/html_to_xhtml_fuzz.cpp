// The HTML transformer and the XHTML writer: whatever the post's HTML, the chapter written
// is well-formed XML (parsed back with libxml2).
#include <libxml/parser.h>

#include <string_view>

#include "book/xhtml_writer.h"
#include "common/diagnostics.h"
#include "fuzz/fuzz_target.h"
#include "transform/html_converter.h"

namespace {

int fuzz_html_to_xhtml(const std::uint8_t* data, std::size_t size) {
  pb::Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  pb::transform::IdRegistry ids;
  pb::book::Book book;
  pb::book::Chapter chapter;
  chapter.id = "chapter-01";
  chapter.title = "Fuzz";
  chapter.title_id = ids.reserve(chapter.id);
  pb::transform::ConversionInput input;
  input.html = std::string_view(reinterpret_cast<const char*>(data), size);
  input.base_url = "https://blog.example.org/2024/04/fuzz/";
  input.chapter_title = chapter.title;
  chapter.blocks = pb::transform::convert_html(input, ids, diagnostics);
  book.chapters.push_back(std::move(chapter));
  const std::string xhtml = pb::book::write_chapter_xhtml(book, 0, pb::book::XhtmlOptions{});
  xmlDocPtr document = xmlReadMemory(xhtml.data(), static_cast<int>(xhtml.size()), "chapter.xhtml", "UTF-8",
                                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!document) __builtin_trap();  // the writer produced malformed XML
  xmlFreeDoc(document);
  return 0;
}

}  // namespace

POSTBINDER_FUZZ_TARGET(html_to_xhtml, fuzz_html_to_xhtml)
