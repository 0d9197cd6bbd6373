#include "pdf/document_layout.h"

#include <algorithm>
#include <cmath>

#include "common/iso_time.h"
#include "common/url.h"
#include "common/utf8.h"
#include "pdf/block_layout.h"
#include "pdf/items.h"

namespace pb::pdf {

namespace {

bool drawable(const book::Resource* resource) {
  if (!resource) return false;
  if (resource->media_type != "image/jpeg" && resource->media_type != "image/png") return false;
  std::error_code error;
  return std::filesystem::is_regular_file(resource->path, error) && resource->width > 0 && resource->height > 0;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

class DocumentLayout {
 public:
  DocumentLayout(const book::Book& book, const PageSettings& settings, FontSet& fonts, const Hyphenator* hyphenator,
                 Diagnostics& diagnostics, LaidOutDocument& doc)
      : book_(book),
        s_(settings),
        shaper_(fonts, book.language.empty() ? std::string("en") : book.language),
        builder_(shaper_, hyphenator, book.language.empty() ? std::string("en") : book.language),
        context_{book, settings, fonts, builder_, doc.structure, diagnostics},
        blocks_(context_),
        doc_(doc) {}

  void run() {
    doc_.settings = s_;
    // The body first: the front matter needs its page numbers.
    std::vector<VItem> body;
    for (std::size_t i = 0; i < book_.chapters.size(); ++i) blocks_.chapter(i, body);
    std::vector<BuiltPage> pages = build_pages(body, s_.text_height());
    if (pages.empty()) pages.push_back(BuiltPage{});
    std::vector<std::size_t> body_chapter_page(book_.chapters.size(), 0);
    std::vector<bool> seen(book_.chapters.size(), false);
    for (std::size_t k = 0; k < pages.size(); ++k)
      if (pages[k].opens_chapter && pages[k].chapter >= 0 && !seen[static_cast<std::size_t>(pages[k].chapter)]) {
        seen[static_cast<std::size_t>(pages[k].chapter)] = true;
        body_chapter_page[static_cast<std::size_t>(pages[k].chapter)] = k;
      }

    front_matter(body_chapter_page);
    doc_.front_matter = doc_.pages.size();
    for (std::size_t k = 0; k < pages.size(); ++k) {
      BuiltPage& built = pages[k];
      LaidOutPage page = new_page();
      page.body = true;
      page.blank = built.blank;
      page.chapter = built.chapter;
      page.opens_chapter = built.opens_chapter;
      const bool recto = (doc_.front_matter + k) % 2 == 0;
      translate(built.ops, s_.text_left(recto || !s_.recto_chapters), s_.top);
      page.ops = std::move(built.ops);
      decorate(page, k, pages.size(), recto);
      doc_.pages.push_back(std::move(page));
    }
    for (std::size_t i = 0; i < book_.chapters.size(); ++i)
      doc_.chapter_pages.push_back(doc_.front_matter + body_chapter_page[i]);
    outline();
    labels();
    info();
  }

 private:
  LaidOutPage new_page() const {
    LaidOutPage page;
    page.width = s_.width;
    page.height = s_.height;
    return page;
  }

  // One line of text with its baseline at y = 0, aligned inside [0, width).
  std::vector<PageOp> single_line(const std::string& text, const TextStyle& style, Align align, double width,
                                  int element, double* natural = nullptr) {
    const Paragraph p = builder_.build_text(text, style, 1e6);
    BreakParameters parameters;
    parameters.line_width = 1e6;
    const LineBreaks breaks = break_lines(p.items, parameters);
    LineSetup setup;
    setup.width = width;
    setup.align = align;
    setup.element = element;
    std::vector<SetLine> lines = set_lines(p, breaks, setup);
    if (lines.empty()) return {};
    if (natural) *natural = lines.front().width;
    return std::move(lines.front().ops);
  }

  // A running head shortened with an ellipsis until it fits.
  std::vector<PageOp> fitted_line(std::string text, const TextStyle& style, Align align, double width) {
    for (int attempt = 0; attempt < 40; ++attempt) {
      double natural = 0;
      std::vector<PageOp> ops = single_line(text, style, align, width, -1, &natural);
      if (natural <= width || utf8::length(text) < 8) return ops;
      text = utf8::truncate(text, utf8::length(text) * 85 / 100);
      while (!text.empty() && (text.back() == ' ' || text.back() == ',')) text.pop_back();
      text += "\u2026";
    }
    return single_line(text, style, align, width, -1);
  }

  TextStyle small_style(double scale, bool italic) const {
    TextStyle style;
    style.font = {s_.body_family, false, italic};
    style.size = s_.font_size * scale;
    style.color = {0.25, 0.25, 0.25};
    style.justify = false;
    style.hyphenate = false;
    return style;
  }

  void add_ops(LaidOutPage& page, std::vector<PageOp> ops, double dx, double dy) {
    translate(ops, dx, dy);
    for (PageOp& op : ops) page.ops.push_back(std::move(op));
  }

  void decorate(LaidOutPage& page, std::size_t k, std::size_t count, bool recto) {
    if (page.blank) return;
    const double left = s_.text_left(recto || !s_.recto_chapters);
    const double width = s_.text_width();
    const std::string number = std::to_string(k + 1);
    const double foot = s_.height - s_.bottom * 0.45;
    switch (s_.preset) {
      case Preset::Book: {
        const TextStyle style = small_style(0.85, false);
        if (page.opens_chapter) {
          add_ops(page, single_line(number, style, Align::Center, width, -1), left, foot);
          break;
        }
        const double head = s_.top * 0.55;
        TextStyle head_style = small_style(0.85, true);
        const double folio_room = style.size * 3;
        if (recto) {
          const std::string chapter_title =
              page.chapter >= 0 ? book_.chapters[static_cast<std::size_t>(page.chapter)].title : book_.title;
          add_ops(page, fitted_line(chapter_title, head_style, Align::Center, width - 2 * folio_room),
                  left + folio_room, head);
          add_ops(page, single_line(number, style, Align::Right, width, -1), left, head);
        } else {
          add_ops(page, fitted_line(book_.title, head_style, Align::Center, width - 2 * folio_room), left + folio_room,
                  head);
          add_ops(page, single_line(number, style, Align::Left, width, -1), left, head);
        }
        page.ops.push_back({RectDraw{{left, head + style.size * 0.45, width, 0.35}, {0.5, 0.5, 0.5}, 0}, -1});
        break;
      }
      case Preset::Ereader:
        add_ops(page, single_line(number, small_style(0.75, false), Align::Center, width, -1), left, foot);
        break;
      case Preset::Handout: {
        std::string site = book_.publisher;
        if (site.empty() && page.chapter >= 0)
          if (const auto parts = url::parse(book_.chapters[static_cast<std::size_t>(page.chapter)].source_url))
            site = parts->host;
        std::string date = s_.retrieved_date;
        if (date.empty() && book_.modified > 0) date = iso_time::format_utc(book_.modified).substr(0, 10);
        std::string footer = "Source: " + (site.empty() ? std::string("the original article") : site);
        if (!date.empty()) footer += ", retrieved " + date;
        footer += ", page " + number + " of " + std::to_string(count);
        add_ops(page, fitted_line(footer, small_style(0.75, false), Align::Center, width), left, foot);
        break;
      }
    }
  }

  void front_matter(const std::vector<std::size_t>& chapter_pages) {
    const book::Resource* cover = book_.cover.resource.empty() ? nullptr : book_.find_resource(book_.cover.resource);
    if (s_.preset == Preset::Book || s_.preset == Preset::Ereader) {
      if (s_.preset == Preset::Book && drawable(cover))
        cover_page(*cover);
      else if (s_.preset == Preset::Ereader && drawable(cover))
        cover_page(*cover);
      else
        title_page();
      if (s_.preset == Preset::Book) colophon();
    }
    const bool contents = s_.table_of_contents && book_.chapters.size() > 1;
    if (contents) contents_pages(chapter_pages);
    if (s_.recto_chapters && doc_.pages.size() % 2 == 1) {
      LaidOutPage blank = new_page();
      blank.blank = true;
      doc_.pages.push_back(std::move(blank));
    }
  }

  void cover_page(const book::Resource& cover) {
    LaidOutPage page = new_page();
    const double scale = std::min(s_.width / cover.width, s_.height / cover.height);
    const double w = cover.width * scale, h = cover.height * scale;
    const int figure = doc_.structure.add("Figure", doc_.structure.root(),
                                          book_.cover.alt.empty() ? "Cover of " + book_.title : book_.cover.alt);
    page.ops.push_back({ImageDraw{&cover, {(s_.width - w) / 2, (s_.height - h) / 2, w, h}}, figure});
    doc_.pages.push_back(std::move(page));
  }

  double place_paragraph(LaidOutPage& page, const std::string& text, const TextStyle& style, double y, int element) {
    std::vector<PageOp> ops;
    std::vector<VItem> items;
    const double width = s_.text_width();
    blocks_.lines(builder_.build_text(text, style, width), style, Align::Center, Frame{0, width}, element,
                  blocks_.leading_for(style), true, items);
    const double h = stack_items(items, ops);
    add_ops(page, std::move(ops), s_.text_left(true), y);
    return h;
  }

  void title_page() {
    LaidOutPage page = new_page();
    const int section = doc_.structure.add("Sect", doc_.structure.root());
    double y = s_.top + s_.text_height() * 0.22;
    TextStyle title = blocks_.heading_style(1);
    title.size *= 1.1;
    y += place_paragraph(page, book_.title.empty() ? "Untitled" : book_.title, title, y,
                         doc_.structure.add("H1", section));
    if (book_.series && !book_.series->name.empty() && book_.series->name != book_.title) {
      y += s_.leading * 0.5;
      y += place_paragraph(page, book_.series->name, small_style(1.0, true), y, doc_.structure.add("P", section));
    }
    const std::string authors = join(book_.authors, ", ");
    if (!authors.empty()) {
      y += s_.leading * 1.5;
      TextStyle style = small_style(1.25, false);
      style.color = {0, 0, 0};
      place_paragraph(page, authors, style, y, doc_.structure.add("P", section));
    }
    if (!book_.publisher.empty()) {
      const TextStyle style = small_style(0.9, false);
      place_paragraph(page, book_.publisher, style, s_.height - s_.bottom - s_.leading * 1.5,
                      doc_.structure.add("P", section));
    }
    doc_.pages.push_back(std::move(page));
  }

  void colophon() {
    LaidOutPage page = new_page();
    const int section = doc_.structure.add("Sect", doc_.structure.root());
    std::vector<std::string> lines;
    if (!book_.publisher.empty() || !book_.source.empty())
      lines.push_back("Articles from " + (book_.publisher.empty() ? book_.source : book_.publisher) +
                      (book_.source.empty() || book_.publisher.empty() ? "" : " (" + book_.source + ")"));
    if (!book_.date.empty()) lines.push_back("First published " + iso_time::human_date(book_.date));
    if (book_.modified > 0)
      lines.push_back("Last updated " + iso_time::human_date(iso_time::format_utc(book_.modified).substr(0, 10)));
    if (!book_.identifier.empty()) lines.push_back(book_.identifier);
    lines.push_back("Bound and typeset by postbinder");
    const TextStyle style = small_style(0.8, false);
    std::vector<VItem> items;
    const double width = s_.text_width();
    for (const std::string& line : lines) {
      if (!items.empty()) items.push_back(space_item(s_.leading * 0.25));
      Paragraph p = builder_.build_text(line, style, width);
      blocks_.lines(p, style, Align::Left, Frame{0, width}, doc_.structure.add("P", section),
                    blocks_.leading_for(style), true, items);
    }
    std::vector<PageOp> ops;
    const double h = stack_items(items, ops);
    const bool recto = doc_.pages.size() % 2 == 0;
    add_ops(page, std::move(ops), s_.text_left(recto), s_.height - s_.bottom - h);
    doc_.pages.push_back(std::move(page));
  }

  void contents_pages(const std::vector<std::size_t>& chapter_pages) {
    const double width = s_.text_width();
    const int toc = doc_.structure.add("TOC", doc_.structure.root());
    std::vector<VItem> items;
    const TextStyle heading = blocks_.heading_style(2);
    const int h = doc_.structure.add("H1", toc);
    blocks_.lines(builder_.build_text("Contents", heading, width), heading, Align::Left, Frame{0, width}, h,
                  blocks_.leading_for(heading), true, items);
    items.push_back(penalty_item(kInfinitePenalty));
    items.push_back(space_item(s_.leading));
    TextStyle entry;
    entry.font = {s_.body_family, false, false};
    entry.size = s_.font_size;
    entry.color = s_.text_color;
    entry.justify = false;
    entry.hyphenate = false;
    const double leading = blocks_.leading_for(entry);
    const double baseline = blocks_.baseline_in(entry, leading);
    // Leader dots sit on a grid, so they line up from entry to entry.
    const std::vector<ShapedGlyph> dot = shaper_.shape(".", 0, 1, entry.font, false);
    const double spacing = entry.size * 0.55;
    double number_room = 0;
    for (std::size_t page : chapter_pages) {
      double natural = 0;
      single_line(std::to_string(page + 1), entry, Align::Right, width, -1, &natural);
      number_room = std::max(number_room, natural);
    }
    const double text_width = width - number_room - entry.size * 2.5;
    for (std::size_t i = 0; i < book_.chapters.size(); ++i) {
      const int item = doc_.structure.add("TOCI", toc);
      const int link = doc_.structure.add("Link", item);
      std::vector<VItem> entry_lines;
      const std::string title = book_.chapters[i].title.empty() ? "Untitled" : book_.chapters[i].title;
      blocks_.lines(builder_.build_text(title, entry, text_width), entry, Align::Left, Frame{0, text_width}, link,
                    leading, true, entry_lines);
      std::vector<PageOp> ops;
      const double height = stack_items(entry_lines, ops);
      // The last line's end: the right edge of its last glyph run.
      double last_end = 0;
      for (const PageOp& op : ops)
        if (const auto* run = std::get_if<GlyphRun>(&op.op))
          if (run->y >= height - leading) last_end = std::max(last_end, run->x + run->width);
      const double last_baseline = height - leading + baseline;
      double natural = 0;
      std::vector<PageOp> number =
          single_line(std::to_string(chapter_pages[i] + 1), entry, Align::Right, width, link, &natural);
      translate(number, 0, last_baseline);
      if (!dot.empty()) {
        GlyphRun leaders;
        leaders.font = dot.front().font;
        leaders.size = entry.size;
        leaders.color = {0.4, 0.4, 0.4};
        leaders.y = last_baseline;
        const double start = std::ceil((last_end + entry.size * 0.6) / spacing) * spacing;
        const double stop = width - natural - entry.size * 0.6;
        for (double x = start; x + spacing * 0.5 <= stop; x += spacing) {
          leaders.glyphs.push_back({dot.front().glyph, x, 0});
          leaders.text += '.';
        }
        leaders.width = leaders.glyphs.empty() ? 0 : leaders.glyphs.back().x + spacing;
        if (!leaders.glyphs.empty()) ops.push_back({leaders, -1});
      }
      for (PageOp& op : number) ops.push_back(std::move(op));
      LinkArea area;
      area.rect = {0, 0, width, height};
      area.destination = destination_name(i, "");
      ops.push_back({area, link});
      if (i > 0) items.push_back(space_item(s_.leading * 0.35));
      items.push_back(box_item(height, std::move(ops)));
    }
    std::vector<BuiltPage> pages = build_pages(items, s_.text_height());
    for (std::size_t k = 0; k < pages.size(); ++k) {
      LaidOutPage page = new_page();
      const bool recto = doc_.pages.size() % 2 == 0;
      translate(pages[k].ops, s_.text_left(recto || !s_.recto_chapters), s_.top);
      page.ops = std::move(pages[k].ops);
      if (s_.preset == Preset::Book) {
        const std::string folio = roman_numeral(static_cast<int>(doc_.pages.size()) + 1, false);
        add_ops(page, single_line(folio, small_style(0.85, false), Align::Center, width, -1),
                s_.text_left(recto || !s_.recto_chapters), s_.height - s_.bottom * 0.45);
      }
      doc_.pages.push_back(std::move(page));
    }
  }

  void outline() {
    for (std::size_t i = 0; i < book_.chapters.size(); ++i) {
      const book::Chapter& chapter = book_.chapters[i];
      OutlineEntry entry{chapter.title.empty() ? "Untitled" : chapter.title, destination_name(i, ""), {}};
      for (const book::Block& block : chapter.blocks)
        if (const auto* heading = std::get_if<book::Heading>(&block.node))
          if (heading->level == 2 && !heading->id.empty()) {
            const std::string title = book::plain_text(heading->content);
            if (!title.empty()) entry.children.push_back({title, destination_name(i, heading->id), {}});
          }
      doc_.outline.push_back(std::move(entry));
    }
  }

  void labels() {
    if (doc_.front_matter > 0) doc_.labels.push_back({0, true, 1});
    doc_.labels.push_back({doc_.front_matter, false, 1});
  }

  void info() {
    DocumentInfo& info = doc_.info;
    info.title = book_.title;
    info.authors = book_.authors;
    info.author = join(book_.authors, ", ");
    info.subject = book_.series ? book_.series->name : book_.description;
    info.subjects = book_.subjects;
    info.keywords = join(book_.subjects, ", ");
    info.language = book_.language.empty() ? "en" : book_.language;
    info.modified = book_.modified;
    info.identifier = book_.identifier;
    info.description = book_.description;
  }

  const book::Book& book_;
  const PageSettings& s_;
  Shaper shaper_;
  ParagraphBuilder builder_;
  LayoutContext context_;
  BlockLayout blocks_;
  LaidOutDocument& doc_;
};

}  // namespace

LaidOutDocument lay_out_document(const book::Book& book, const PageSettings& settings, FontSet& fonts,
                                 const Hyphenator* hyphenator, Diagnostics& diagnostics) {
  LaidOutDocument doc;
  DocumentLayout layout(book, settings, fonts, hyphenator, diagnostics, doc);
  layout.run();
  return doc;
}

}  // namespace pb::pdf
