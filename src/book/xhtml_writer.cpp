// One walk over a chapter, cmark style: each block and inline type has its own render() overload
// and std::visit picks it, so a node type added to the model does not compile until it is handled
// here. Block elements end with a newline to keep the files readable; inline content is written
// exactly as it is, and <pre> text is never touched.
#include "book/xhtml_writer.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <variant>

#include "common/iso_time.h"
#include "common/text.h"

namespace pb::book {

namespace {

constexpr std::string_view kXhtmlNamespace = "http://www.w3.org/1999/xhtml";
constexpr std::string_view kOpsNamespace = "http://www.idpf.org/2007/ops";
constexpr std::string_view kBylineSeparator = " \u00b7 ";

std::string_view style_element(Style style) {
  switch (style) {
    case Style::Emphasis:
      return "em";
    case Style::Strong:
      return "strong";
    case Style::Code:
      return "code";
    case Style::Subscript:
      return "sub";
    case Style::Superscript:
      return "sup";
    case Style::Small:
      return "small";
    case Style::Deleted:
      return "del";
    case Style::Inserted:
      return "ins";
    case Style::Underline:
      return "u";
    case Style::Highlight:
      return "mark";
  }
  return "span";
}

// The HTML type attribute of an ordered list; empty for decimal numbers.
std::string_view list_type(ListMarker marker) {
  switch (marker) {
    case ListMarker::LowerAlpha:
      return "a";
    case ListMarker::UpperAlpha:
      return "A";
    case ListMarker::LowerRoman:
      return "i";
    case ListMarker::UpperRoman:
      return "I";
    case ListMarker::Bullet:
    case ListMarker::Decimal:
      return "";
  }
  return "";
}

class ChapterWriter {
 public:
  ChapterWriter(const Book& book, std::size_t chapter, const XhtmlOptions& options)
      : book_(book), index_(chapter), chapter_(book.chapters.at(chapter)), options_(options) {}

  std::string write() {
    const std::string title = chapter_title(book_, index_);
    begin_xhtml_document(xml_, document_language(book_), title, options_.stylesheet_href);
    const std::string title_id = claim_id(chapter_.title_id.empty() ? "chapter-title" : chapter_.title_id);
    xml_.open("section", {{"epub:type", "chapter"}, {"role", "doc-chapter"}, {"aria-labelledby", title_id}});
    xml_.newline();
    xml_.open("header");
    xml_.element("h1", {{"id", title_id}}, title);
    xml_.newline();
    byline();
    xml_.close("header");
    xml_.newline();
    render(chapter_.blocks);
    xml_.close("section");
    xml_.newline();
    end_xhtml_document(xml_);
    return xml_.take();
  }

 private:
  // An id that is not yet used in this document, or "" (write no id) for an empty or repeated one.
  std::string claim_id(const std::string& id) {
    if (id.empty() || !used_ids_.insert(id).second) return "";
    return id;
  }

  static void add_id(XmlWriter::Attributes& attributes, const std::string& id) {
    if (!id.empty()) attributes.emplace_back("id", id);
  }

  void byline() {
    const std::string date = iso_time::date_part(chapter_.date);
    if (chapter_.author.empty() && date.empty() && chapter_.source_url.empty()) return;
    xml_.open("p", {{"class", "byline"}});
    bool first = true;
    const auto separate = [&] {
      if (!first) xml_.text(kBylineSeparator);
      first = false;
    };
    if (!chapter_.author.empty()) {
      separate();
      xml_.element("span", {{"class", "author"}}, chapter_.author);
    }
    if (!date.empty()) {
      separate();
      xml_.element("time", {{"datetime", date}}, iso_time::human_date(date));
    }
    if (!chapter_.source_url.empty()) {
      separate();
      xml_.element("a", {{"href", chapter_.source_url}}, "Original post");
    }
    xml_.close("p");
    xml_.newline();
  }

  // ------------------------------------------------------------------------------ blocks

  void render(const Blocks& blocks) {
    for (const Block& block : blocks) std::visit([this](const auto& node) { render(node); }, block.node);
  }

  // List items and table cells holding one plain paragraph get its text directly, so readers
  // do not add paragraph margins inside every item.
  void render_item_content(const Blocks& blocks) {
    if (blocks.size() == 1) {
      if (const auto* paragraph = std::get_if<Paragraph>(&blocks.front().node); paragraph && paragraph->id.empty()) {
        render(paragraph->content);
        return;
      }
    }
    xml_.newline();
    render(blocks);
  }

  void render(const Paragraph& paragraph) {
    XmlWriter::Attributes attributes;
    const std::string id = claim_id(paragraph.id);
    add_id(attributes, id);
    xml_.open("p", attributes);
    render(paragraph.content);
    xml_.close("p");
    xml_.newline();
  }

  void render(const Heading& heading) {
    static constexpr std::array<std::string_view, 5> kNames = {"h2", "h3", "h4", "h5", "h6"};
    const std::string_view name = kNames[static_cast<std::size_t>(std::clamp(heading.level, 2, 6) - 2)];
    XmlWriter::Attributes attributes;
    const std::string id = claim_id(heading.id);
    add_id(attributes, id);
    xml_.open(name, attributes);
    render(heading.content);
    xml_.close(name);
    xml_.newline();
  }

  void render(const List& list) {
    if (list.items.empty()) return;
    const std::string_view name = list.ordered ? "ol" : "ul";
    XmlWriter::Attributes attributes;
    const std::string start = std::to_string(list.start);
    if (list.ordered && list.start != 1) attributes.emplace_back("start", start);
    if (list.ordered && !list_type(list.marker).empty()) attributes.emplace_back("type", list_type(list.marker));
    xml_.open(name, attributes);
    xml_.newline();
    for (const ListItem& item : list.items) {
      XmlWriter::Attributes item_attributes;
      const std::string id = claim_id(item.id);
      add_id(item_attributes, id);
      xml_.open("li", item_attributes);
      render_item_content(item.blocks);
      xml_.close("li");
      xml_.newline();
    }
    xml_.close(name);
    xml_.newline();
  }

  void render(const BlockQuote& quote) {
    xml_.open("blockquote");
    xml_.newline();
    render(quote.blocks);
    if (!quote.citation.empty()) {
      xml_.open("p", {{"class", "citation"}});
      xml_.text("\u2014 ");
      xml_.open("cite");
      render(quote.citation);
      xml_.close("cite");
      xml_.close("p");
      xml_.newline();
    }
    xml_.close("blockquote");
    xml_.newline();
  }

  void render(const Figure& figure) {
    const Resource* resource = figure.image.resource.empty() ? nullptr : book_.find_resource(figure.image.resource);
    XmlWriter::Attributes attributes;
    const std::string id = claim_id(figure.id);
    add_id(attributes, id);
    if (!resource) attributes.emplace_back("class", "image-missing");
    xml_.open("figure", attributes);
    if (resource) {
      const std::string src = resource_href(*resource);
      const std::string width = std::to_string(resource->width);
      const std::string height = std::to_string(resource->height);
      XmlWriter::Attributes image{{"src", src}, {"alt", figure.image.alt}};
      if (resource->width > 0 && resource->height > 0) {
        image.emplace_back("width", width);
        image.emplace_back("height", height);
      }
      xml_.empty("img", image);
    } else {
      xml_.element("p", {{"class", "image-alt"}}, figure.image.alt.empty() ? "Image" : figure.image.alt);
      xml_.element("p", {{"class", "image-note"}},
                   "Image not included: " + (figure.image.failure.empty() ? "not downloaded" : figure.image.failure));
    }
    if (!figure.caption.empty()) {
      xml_.open("figcaption");
      render(figure.caption);
      xml_.close("figcaption");
    }
    xml_.close("figure");
    xml_.newline();
  }

  void render(const Table& table) {
    xml_.open("table");
    xml_.newline();
    if (!table.caption.empty()) {
      xml_.open("caption");
      render(table.caption);
      xml_.close("caption");
      xml_.newline();
    }
    const std::size_t header_rows = std::min(table.header_rows, table.rows.size());
    if (header_rows > 0) {
      xml_.open("thead");
      xml_.newline();
      for (std::size_t i = 0; i < header_rows; ++i) render_row(table.rows[i], "col");
      xml_.close("thead");
      xml_.newline();
    }
    if (header_rows < table.rows.size()) {
      xml_.open("tbody");
      xml_.newline();
      for (std::size_t i = header_rows; i < table.rows.size(); ++i) render_row(table.rows[i], "row");
      xml_.close("tbody");
      xml_.newline();
    }
    xml_.close("table");
    xml_.newline();
  }

  void render_row(const TableRow& row, std::string_view header_scope) {
    xml_.open("tr");
    for (const TableCell& cell : row.cells) {
      const std::string_view name = cell.header ? "th" : "td";
      const std::string column_span = std::to_string(cell.column_span);
      const std::string row_span = std::to_string(cell.row_span);
      XmlWriter::Attributes attributes;
      if (cell.header) attributes.emplace_back("scope", header_scope);
      if (cell.column_span > 1) attributes.emplace_back("colspan", column_span);
      if (cell.row_span > 1) attributes.emplace_back("rowspan", row_span);
      xml_.open(name, attributes);
      render_item_content(cell.blocks);
      xml_.close(name);
    }
    xml_.close("tr");
    xml_.newline();
  }

  void render(const CodeBlock& code) {
    xml_.open("pre");
    xml_.element("code", code.text);
    xml_.close("pre");
    xml_.newline();
  }

  void render(const Rule&) {
    xml_.empty("hr");
    xml_.newline();
  }

  // ------------------------------------------------------------------------------ inlines

  void render(const Inlines& inlines) {
    for (const Inline& item : inlines) std::visit([this](const auto& node) { render(node); }, item.node);
  }

  void render(const Text& text) { xml_.text(text.text); }

  void render(const LineBreak&) { xml_.empty("br"); }

  void render(const Styled& styled) {
    const std::string_view name = style_element(styled.style);
    xml_.open(name);
    render(styled.children);
    xml_.close(name);
  }

  void render(const Link& link) {
    const std::string href = link_href(link.target);
    // A link inside a link is not allowed in HTML, and a link to nowhere is no link: keep the text.
    if (href.empty() || inside_link_) {
      render(link.children);
      return;
    }
    inside_link_ = true;
    xml_.open("a", {{"href", href}});
    if (plain_text(link.children).empty()) {
      // Every link needs a name a screen reader can say.
      render(link.children);
      xml_.text(link.target.is_internal() ? chapter_title(book_, link.target.chapter) : link.target.url);
    } else {
      render(link.children);
    }
    xml_.close("a");
    inside_link_ = false;
  }

  void render(const Anchor& anchor) {
    const std::string id = claim_id(anchor.id);
    if (!id.empty()) xml_.element("span", {{"id", id}}, "");
  }

  // ------------------------------------------------------------------------------ addresses

  std::string link_href(const LinkTarget& target) const {
    if (!target.is_internal()) return target.url;
    if (target.chapter >= book_.chapters.size()) return "";
    if (target.chapter == index_ && !target.anchor.empty()) return "#" + target.anchor;
    std::string href = chapter_href(target.chapter);
    if (!href.empty() && !target.anchor.empty()) href += "#" + target.anchor;
    return href;
  }

  std::string chapter_href(std::size_t chapter) const {
    if (options_.chapter_href) return options_.chapter_href(chapter);
    return book_.chapters[chapter].id + ".xhtml";
  }

  std::string resource_href(const Resource& resource) const {
    if (options_.resource_href) return options_.resource_href(resource);
    return "images/" + resource.id + "." + resource.extension;
  }

  const Book& book_;
  const std::size_t index_;
  const Chapter& chapter_;
  const XhtmlOptions& options_;
  XmlWriter xml_;
  std::unordered_set<std::string> used_ids_;
  bool inside_link_ = false;
};

}  // namespace

std::string chapter_title(const Book& book, std::size_t chapter) {
  const std::string& title = book.chapters.at(chapter).title;
  return text::is_blank(title) ? "Chapter " + std::to_string(chapter + 1) : title;
}

std::string document_language(const Book& book) {
  return book.language.empty() ? "en" : book.language;
}

void begin_xhtml_document(XmlWriter& xml, std::string_view language, std::string_view title,
                          std::string_view stylesheet_href, std::string_view body_class) {
  xml.declaration();
  xml.raw("<!DOCTYPE html>\n");
  xml.open("html",
           {{"xmlns", kXhtmlNamespace}, {"xmlns:epub", kOpsNamespace}, {"lang", language}, {"xml:lang", language}});
  xml.newline();
  xml.open("head");
  xml.newline();
  xml.element("title", title);
  xml.newline();
  xml.empty("link", {{"rel", "stylesheet"}, {"type", "text/css"}, {"href", stylesheet_href}});
  xml.newline();
  xml.close("head");
  xml.newline();
  if (body_class.empty()) {
    xml.open("body");
  } else {
    xml.open("body", {{"class", body_class}});
  }
  xml.newline();
}

void end_xhtml_document(XmlWriter& xml) {
  xml.close("body");
  xml.newline();
  xml.close("html");
  xml.newline();
}

std::string write_chapter_xhtml(const Book& book, std::size_t chapter, const XhtmlOptions& options) {
  return ChapterWriter(book, chapter, options).write();
}

}  // namespace pb::book
