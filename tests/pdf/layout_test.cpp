// Layout rules checked on what the layout draws, through the recording device.
#include <gtest/gtest.h>

#include <set>

#include "common/error.h"
#include "pdf/pdf_test_support.h"
#include "pdf/presets.h"

namespace pb::pdf::test {
namespace {

// The book's words as one string of lower-case letters and digits: hyphenation, line ends and
// spacing cannot change it, a dropped or repeated word does.
std::string letter_stream(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : normalise_words(words)) out += word;
  return out;
}

// The paragraph or heading a text element belongs to (links are children of paragraphs).
int owner(const StructureTree& tree, int element) {
  if (element >= 0 && tree.elements()[static_cast<std::size_t>(element)].type == "Link")
    return tree.elements()[static_cast<std::size_t>(element)].parent;
  return element;
}

bool is_heading(const StructureTree& tree, int element) {
  if (element < 0) return false;
  const std::string& type = tree.elements()[static_cast<std::size_t>(element)].type;
  return type.size() == 2 && type[0] == 'H' && type[1] >= '1' && type[1] <= '6';
}

book::Block paragraph_of(const std::string& text) {
  book::Paragraph p;
  p.content.emplace_back();
  p.content.back().node = book::Text{text};
  book::Block block;
  block.node = std::move(p);
  return block;
}

book::Inline text_of(const std::string& text) {
  book::Inline item;
  item.node = book::Text{text};
  return item;
}

book::Block block_of(book::Paragraph p) {
  book::Block block;
  block.node = std::move(p);
  return block;
}

// A chapter of awkward content: everything a real post can throw at the layout at once.
book::Chapter awkward_chapter() {
  book::Chapter chapter;
  chapter.title = "";
  chapter.blocks.push_back(block_of(book::Paragraph{}));  // empty
  {
    book::Paragraph p;
    p.id = "long";
    std::string words;
    for (int i = 0; i < 10000; ++i) words += (i % 11 == 0 ? "extraordinarily " : i % 5 ? "soil " : "roots, ");
    p.content.push_back(text_of(words));
    chapter.blocks.push_back(block_of(std::move(p)));
  }
  {
    book::Paragraph p;
    p.content.push_back(
        text_of("A URL https://example.org/a/very/long/path/without/any/spaces/at/all/"
                "that-goes-on-and-on-and-on-for-far-longer-than-any-line-could-ever-be.html and"));
    p.content.emplace_back();
    p.content.back().node = book::LineBreak{};
    p.content.emplace_back();
    p.content.back().node = book::LineBreak{};
    p.content.push_back(text_of("after two breaks"));
    book::Inline anchor;
    anchor.node = book::Anchor{"here"};
    p.content.push_back(anchor);
    chapter.blocks.push_back(block_of(std::move(p)));
  }
  {
    book::List outer;
    outer.ordered = true;
    outer.marker = book::ListMarker::UpperRoman;
    outer.start = 48;
    for (int i = 0; i < 3; ++i) {
      book::ListItem item;
      book::Paragraph p;
      p.content.push_back(text_of("Item with a nested list inside it"));
      item.blocks.push_back(block_of(std::move(p)));
      book::List inner;
      for (int k = 0; k < 2; ++k) {
        book::ListItem leaf;
        book::BlockQuote quote;
        book::Paragraph q;
        q.content.push_back(text_of("Quoted inside a list item, deep down."));
        quote.blocks.push_back(block_of(std::move(q)));
        book::Block quote_block;
        quote_block.node = std::move(quote);
        leaf.blocks.push_back(std::move(quote_block));
        inner.items.push_back(std::move(leaf));
      }
      book::Block inner_block;
      inner_block.node = std::move(inner);
      item.blocks.push_back(std::move(inner_block));
      outer.items.push_back(std::move(item));
    }
    book::ListItem empty;
    outer.items.push_back(std::move(empty));
    book::Block block;
    block.node = std::move(outer);
    chapter.blocks.push_back(std::move(block));
  }
  {
    book::Table table;
    table.header_rows = 1;
    for (int r = 0; r < 4; ++r) {
      book::TableRow row;
      for (int c = 0; c < 14; ++c) {
        book::TableCell cell;
        cell.header = r == 0;
        if (r == 2 && c == 0) cell.column_span = 3;
        book::Paragraph p;
        p.content.push_back(text_of(r == 0 ? "Heading" : "cellcontentthatislong" + std::to_string(c)));
        cell.blocks.push_back(block_of(std::move(p)));
        row.cells.push_back(std::move(cell));
      }
      table.rows.push_back(std::move(row));
    }
    book::Block block;
    block.node = std::move(table);
    chapter.blocks.push_back(std::move(block));
    book::Block empty_table;
    empty_table.node = book::Table{};
    chapter.blocks.push_back(std::move(empty_table));
  }
  {
    book::Figure figure;
    figure.image.alt = "A picture that could not be fetched";
    figure.image.failure = "HTTP 404";
    figure.caption.push_back(text_of("Its caption."));
    book::Block block;
    block.node = std::move(figure);
    chapter.blocks.push_back(std::move(block));
  }
  {
    book::CodeBlock code;
    code.text = "\tindented\twith tabs\n" + std::string(300, 'x') + "\n\n  \u00E9l\u00E8ve \U0001F600\n";
    book::Block block;
    block.node = std::move(code);
    chapter.blocks.push_back(std::move(block));
    book::Block rule;
    rule.node = book::Rule{};
    chapter.blocks.push_back(std::move(rule));
    book::Block empty_code;
    empty_code.node = book::CodeBlock{};
    chapter.blocks.push_back(std::move(empty_code));
  }
  {
    book::Heading heading;
    heading.level = 7;
    heading.id = "last";
    heading.content.push_back(text_of("A heading at the very end"));
    book::Block block;
    block.node = std::move(heading);
    chapter.blocks.push_back(std::move(block));
  }
  return chapter;
}

class LayoutTest : public ::testing::Test {
 protected:
  LayoutTest() { diagnostics.set_quiet(true); }

  // A synthetic book without bylines, so that every word drawn in the body is a word of the model.
  book::Book long_book(int chapters, int words) {
    book::Book book = synthetic_book(chapters, words, diagnostics);
    for (book::Chapter& chapter : book.chapters) {
      chapter.author.clear();
      chapter.date.clear();
    }
    return book;
  }

  static std::vector<std::string> body_words(const Recorded& r) {
    std::vector<std::string> words;
    const auto& pages = r.device.pages();
    std::string text;
    for (std::size_t p = r.layout.front_matter; p < pages.size(); ++p)
      for (const PageOp& op : pages[p].ops) {
        const auto* run = std::get_if<GlyphRun>(&op.op);
        if (!run || op.element < 0) continue;
        text += run->hyphen ? "\x01" : run->text + " ";
      }
    std::string joined;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\x01') {
        while (!joined.empty() && joined.back() == ' ') joined.pop_back();
        continue;
      }
      joined += text[i];
    }
    return split_words(joined);
  }

  Diagnostics diagnostics;
};

TEST_F(LayoutTest, EveryWordOfTheModelIsDrawnExactlyOnceInOrder) {
  const book::Book book = long_book(6, 1500);
  for (Preset preset : {Preset::Book, Preset::Ereader, Preset::Handout}) {
    Recorded r;
    PdfOptions options;
    options.preset = preset;
    record(book, options, r, diagnostics);
    const std::string expected = letter_stream(book_words(book));
    std::string drawn = letter_stream(body_words(r));
    if (preset == Preset::Handout) {
      // The handout adds "Original article: URL" under each title; drop those lines.
      for (const book::Chapter& chapter : book.chapters) {
        const std::string extra = normalise_word("Originalarticle" + chapter.source_url);
        const std::size_t at = drawn.find(extra);
        ASSERT_NE(at, std::string::npos) << chapter.source_url;
        drawn.erase(at, extra.size());
      }
    }
    EXPECT_EQ(drawn.size(), expected.size()) << static_cast<int>(preset) << " " << first_difference(drawn, expected);
    EXPECT_TRUE(drawn == expected) << first_difference(drawn, expected);
  }
}

TEST_F(LayoutTest, LinesImagesAndRulesStayInsideTheTextBlock) {
  Scratch scratch;
  const book::Book examples = book_from_posts({(examples_dir() / "garden-soil").string()}, scratch.path(), diagnostics);
  const book::Book synthetic = long_book(4, 1500);
  for (const book::Book* book : {&examples, &synthetic})
    for (Preset preset : {Preset::Book, Preset::Ereader, Preset::Handout}) {
      Recorded r;
      PdfOptions options;
      options.preset = preset;
      record(*book, options, r, diagnostics);
      const PageSettings& s = r.layout.settings;
      const auto& pages = r.device.pages();
      std::size_t images = 0;
      for (std::size_t p = r.layout.front_matter; p < pages.size(); ++p) {
        const double left = s.text_left(p % 2 == 0 || !s.recto_chapters);
        const double right = left + s.text_width();
        for (const PageOp& op : pages[p].ops) {
          if (op.element < 0) continue;
          if (const auto* run = std::get_if<GlyphRun>(&op.op)) {
            EXPECT_GE(run->x, left - 0.01) << "page " << p << ": " << run->text;
            EXPECT_LE(run->x + run->width, right + 0.05) << "page " << p << ": " << run->text;
            EXPECT_GE(run->y, s.top) << run->text;
            EXPECT_LE(run->y, s.height - s.bottom) << run->text;
          } else if (const auto* image = std::get_if<ImageDraw>(&op.op)) {
            ++images;
            EXPECT_GE(image->rect.x, left - 0.01);
            EXPECT_LE(image->rect.right(), right + 0.01);
            EXPECT_GE(image->rect.y, s.top - 0.01);
            EXPECT_LE(image->rect.bottom(), s.height - s.bottom + 0.01);
          }
        }
      }
      if (book == &examples) {
        EXPECT_GE(images, 4u) << "the example's figures are drawn";
      }
    }
}

TEST_F(LayoutTest, NoWidowsNoOrphansAndNoHeadingLastOnAPage) {
  const book::Book book = long_book(10, 1500);
  for (Preset preset : {Preset::Book, Preset::Ereader}) {
    Recorded r;
    PdfOptions options;
    options.preset = preset;
    record(book, options, r, diagnostics);
    const StructureTree& tree = r.layout.structure;
    const auto& pages = r.device.pages();
    ASSERT_GT(pages.size(), 20u);
    // Lines (distinct baselines) of each paragraph on each page.
    std::map<int, std::map<std::size_t, std::set<double>>> lines;
    for (std::size_t p = r.layout.front_matter; p < pages.size(); ++p) {
      double lowest = -1;
      int lowest_element = -1;
      std::vector<std::pair<double, int>> content;  // baseline, element
      for (const PageOp& op : pages[p].ops) {
        const auto* run = std::get_if<GlyphRun>(&op.op);
        if (!run || op.element < 0) continue;
        const int element = owner(tree, op.element);
        if (tree.elements()[static_cast<std::size_t>(element)].type == "P") lines[element][p].insert(run->y);
        content.emplace_back(run->y, element);
        if (run->y > lowest) {
          lowest = run->y;
          lowest_element = element;
        }
      }
      const bool last_page = p + 1 == pages.size();
      if (!last_page && lowest_element >= 0) {
        EXPECT_FALSE(is_heading(tree, lowest_element)) << "page " << p << " ends with a heading";
      }
      // A heading has at least two lines of what follows below it on its page.
      for (const auto& [y, element] : content) {
        if (!is_heading(tree, element) || last_page) continue;
        std::set<double> below;
        for (const auto& [other_y, other] : content)
          if (other_y > y + 0.01 && !is_heading(tree, other)) below.insert(other_y);
        bool image_below = false;
        for (const PageOp& op : pages[p].ops)
          if (const auto* image = std::get_if<ImageDraw>(&op.op)) image_below = image_below || image->rect.y > y;
        EXPECT_TRUE(below.size() >= 2 || image_below) << "page " << p;
      }
    }
    std::size_t split = 0;
    for (const auto& [element, per_page] : lines) {
      if (per_page.size() < 2) continue;
      ++split;
      EXPECT_GE(per_page.begin()->second.size(), 2u) << "orphan on page " << per_page.begin()->first;
      EXPECT_GE(per_page.rbegin()->second.size(), 2u) << "widow on page " << per_page.rbegin()->first;
    }
    EXPECT_GT(split, 5u) << "paragraphs do break across pages";
  }
}

TEST_F(LayoutTest, EachPresetHasItsPageSize) {
  const book::Book book = long_book(2, 300);
  struct Case {
    Preset preset;
    std::string paper;
    double width, height;
  };
  const std::vector<Case> cases = {{Preset::Book, "", 419.528, 595.276},  {Preset::Book, "6x9", 432, 648},
                                   {Preset::Book, "a4", 595.276, 841.89}, {Preset::Ereader, "", 255.118, 340.157},
                                   {Preset::Handout, "", 612, 792},       {Preset::Handout, "a4", 595.276, 841.89}};
  for (const Case& c : cases) {
    Recorded r;
    PdfOptions options;
    options.preset = c.preset;
    options.paper = c.paper;
    record(book, options, r, diagnostics);
    for (const RecordedPage& page : r.device.pages()) {
      EXPECT_NEAR(page.width, c.width, 0.01) << c.paper;
      EXPECT_NEAR(page.height, c.height, 0.01) << c.paper;
    }
  }
  PdfOptions bad;
  bad.paper = "b5";
  EXPECT_THROW(settings_for(bad), UsageError);
  bad.paper = "";
  bad.fonts = "comic";
  EXPECT_THROW(settings_for(bad), UsageError);
}

TEST_F(LayoutTest, BookChaptersStartOnRightHandPagesAndBlankPagesAreEmpty) {
  const book::Book book = long_book(7, 700);
  Recorded r;
  record(book, PdfOptions{}, r, diagnostics);
  ASSERT_EQ(r.layout.chapter_pages.size(), 7u);
  EXPECT_EQ(r.layout.front_matter % 2, 0u);
  for (std::size_t page : r.layout.chapter_pages) EXPECT_EQ(page % 2, 0u) << "chapter on physical page " << page + 1;
  for (std::size_t p = 0; p < r.layout.pages.size(); ++p) {
    if (r.layout.pages[p].blank) {
      EXPECT_TRUE(r.device.pages()[p].ops.empty());
    }
  }
  // Labels: roman front matter, arabic from the first chapter.
  ASSERT_EQ(r.device.navigation().labels.size(), 2u);
  EXPECT_TRUE(r.device.navigation().labels[0].roman);
  EXPECT_EQ(r.device.navigation().labels[1].first_page, r.layout.front_matter);
  // One outline entry per chapter, with its sections.
  ASSERT_EQ(r.device.navigation().outline.size(), 7u);
  EXPECT_EQ(r.device.navigation().outline[0].destination, "c0");
}

TEST_F(LayoutTest, EreaderPagesAreNeverBlank) {
  const book::Book book = long_book(5, 500);
  Recorded r;
  PdfOptions options;
  options.preset = Preset::Ereader;
  record(book, options, r, diagnostics);
  for (const LaidOutPage& page : r.layout.pages) EXPECT_FALSE(page.blank);
  EXPECT_GE(r.layout.settings.font_size, 11);
}

TEST_F(LayoutTest, BookRunningHeadsShowTheBookTitleLeftAndTheChapterRight) {
  const book::Book book = long_book(2, 2500);
  Recorded r;
  record(book, PdfOptions{}, r, diagnostics);
  const auto& pages = r.device.pages();
  bool verso_seen = false, recto_seen = false;
  for (std::size_t p = r.layout.front_matter; p < pages.size(); ++p) {
    if (r.layout.pages[p].opens_chapter || r.layout.pages[p].blank) continue;
    std::string head;
    for (const PageOp& op : pages[p].ops)
      if (const auto* run = std::get_if<GlyphRun>(&op.op))
        if (op.element < 0 && run->y < r.layout.settings.top) head += run->text + " ";
    const std::size_t number = p - r.layout.front_matter + 1;
    EXPECT_NE(head.find(std::to_string(number)), std::string::npos) << head;
    if (p % 2 == 1) {
      verso_seen = true;
      EXPECT_NE(head.find(book.title), std::string::npos) << head;
    } else {
      recto_seen = true;
      EXPECT_NE(head.find("Notes on the garden"), std::string::npos) << head;
    }
  }
  EXPECT_TRUE(verso_seen && recto_seen);
}

TEST_F(LayoutTest, HandoutHasTitleBlockQrCodeAndFooter) {
  book::Book book = synthetic_book(1, 900, diagnostics);
  book.publisher = "garden.example.org";
  Recorded r;
  PdfOptions options;
  options.preset = Preset::Handout;
  options.font_size = 10;  // raised to the handout minimum
  options.retrieved_date = "2024-05-01";
  record(book, options, r, diagnostics);
  EXPECT_EQ(r.layout.front_matter, 0u) << "no contents page for one article";
  EXPECT_GE(r.layout.settings.font_size, 12);
  const auto& pages = r.device.pages();
  ASSERT_GE(pages.size(), 1u);
  ASSERT_LE(pages.size(), 4u);
  std::size_t squares = 0;
  std::string first_page;
  for (const PageOp& op : pages[0].ops) {
    if (std::holds_alternative<RectDraw>(op.op))
      if (op.element >= 0 && r.layout.structure.elements()[static_cast<std::size_t>(op.element)].type == "Figure")
        ++squares;
    if (const auto* run = std::get_if<GlyphRun>(&op.op)) first_page += run->text + " ";
  }
  EXPECT_GT(squares, 50u) << "the QR code is drawn as squares";
  std::string collapsed;
  for (const std::string& word : split_words(first_page)) collapsed += word + " ";
  first_page = collapsed;
  EXPECT_NE(first_page.find(book.chapters[0].title), std::string::npos);
  EXPECT_NE(first_page.find(book.chapters[0].source_url), std::string::npos);
  EXPECT_NE(first_page.find("Maren Holt"), std::string::npos);
  const std::string footer =
      "Source: garden.example.org, retrieved 2024-05-01, page 1 of " + std::to_string(pages.size());
  EXPECT_NE(first_page.find(footer), std::string::npos) << first_page;

  PdfOptions large;
  large.preset = Preset::Handout;
  large.font_size = 16;
  EXPECT_EQ(settings_for(large).font_size, 16);
}

TEST_F(LayoutTest, LinksPointAtPlacesThatExist) {
  Scratch scratch;
  const book::Book book = book_from_posts({(examples_dir() / "garden-soil").string()}, scratch.path(), diagnostics);
  Recorded r;
  record(book, PdfOptions{}, r, diagnostics);
  std::set<std::string> destinations;
  std::vector<std::string> internal;
  std::size_t external = 0;
  for (const RecordedPage& page : r.device.pages())
    for (const PageOp& op : page.ops) {
      if (const auto* d = std::get_if<Destination>(&op.op)) destinations.insert(d->name);
      if (const auto* link = std::get_if<LinkArea>(&op.op)) {
        if (!link->destination.empty()) internal.push_back(link->destination);
        if (!link->uri.empty()) ++external;
        EXPECT_GE(op.element, 0) << "links are tagged";
      }
    }
  EXPECT_GE(internal.size(), book.chapters.size()) << "contents entries and cross references";
  EXPECT_GT(external, 0u);
  for (const std::string& name : internal) {
    const std::string chapter = name.substr(0, name.find('#'));
    EXPECT_TRUE(destinations.count(name) || destinations.count(chapter)) << name;
  }
  for (const OutlineEntry& entry : r.device.navigation().outline) {
    EXPECT_TRUE(destinations.count(entry.destination)) << entry.destination;
    for (const OutlineEntry& child : entry.children)
      EXPECT_TRUE(destinations.count(child.destination)) << child.destination;
  }
}

TEST_F(LayoutTest, FallbackAndReplacementCharactersAreDrawn) {
  book::Book book;
  book.title = "Scripts";
  book::Chapter chapter;
  chapter.title = "Mixed";
  chapter.blocks.push_back(paragraph_of(
      "Greek \u03B1\u03B2\u03B3, Hebrew \u05E9\u05DC\u05D5\u05DD, a snowman \u2603 and \U0010FFFD twice \U0010FFFD."));
  book.chapters.push_back(std::move(chapter));
  Recorded r;
  record(book, PdfOptions{}, r, diagnostics);
  std::set<std::string> fonts;
  std::string text;
  for (const RecordedPage& page : r.device.pages())
    for (const PageOp& op : page.ops)
      if (const auto* run = std::get_if<GlyphRun>(&op.op)) {
        if (op.element >= 0) fonts.insert(run->font->postscript_name());
        text += run->text;
      }
  EXPECT_GE(fonts.size(), 3u) << "body, heading and at least one fallback font";
  EXPECT_NE(text.find("\u05E9\u05DC\u05D5\u05DD"), std::string::npos);
  EXPECT_NE(text.find("\U0010FFFD"), std::string::npos) << "the missing character is still drawn";
  std::size_t warnings = 0;
  for (const std::string& warning : diagnostics.warnings())
    if (warning.find("U+10FFFD") != std::string::npos) ++warnings;
  EXPECT_EQ(warnings, 1u);
}

TEST_F(LayoutTest, AwkwardContentStaysInsideTheMarginsInEveryPreset) {
  book::Book book;
  book.title = "Awkward";
  book.chapters.push_back(awkward_chapter());
  book.chapters.push_back(awkward_chapter());
  book.chapters.push_back(book::Chapter{});  // nothing at all
  for (Preset preset : {Preset::Book, Preset::Ereader, Preset::Handout}) {
    Recorded r;
    PdfOptions options;
    options.preset = preset;
    record(book, options, r, diagnostics);
    EXPECT_TRUE(r.device.balanced());
    const PageSettings& s = r.layout.settings;
    const auto& pages = r.device.pages();
    for (std::size_t p = r.layout.front_matter; p < pages.size(); ++p) {
      const double left = s.text_left(p % 2 == 0 || !s.recto_chapters);
      for (const PageOp& op : pages[p].ops)
        if (const auto* run = std::get_if<GlyphRun>(&op.op); run && op.element >= 0) {
          EXPECT_GE(run->x, left - 0.01) << run->text;
          EXPECT_LE(run->x + run->width, left + s.text_width() + 0.05) << run->text;
          EXPECT_LE(run->y, s.height - s.bottom) << run->text;
        }
    }
    const std::string words = letter_stream(body_words(r));
    for (const char* expected : {"aftertwobreaks", "cellcontentthatislong13", "indentedwithtabs",
                                 "apicturethatcouldnotbefetched", "aheadingattheveryend", "everbehtmland"})
      EXPECT_NE(words.find(expected), std::string::npos) << expected;
  }
}

TEST_F(LayoutTest, SameBookSameDrawing) {
  const book::Book book = long_book(3, 800);
  Recorded a, b;
  record(book, PdfOptions{}, a, diagnostics);
  record(book, PdfOptions{}, b, diagnostics);
  ASSERT_EQ(a.device.pages().size(), b.device.pages().size());
  for (std::size_t p = 0; p < a.device.pages().size(); ++p) {
    const auto& x = a.device.pages()[p].ops;
    const auto& y = b.device.pages()[p].ops;
    ASSERT_EQ(x.size(), y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      const auto* rx = std::get_if<GlyphRun>(&x[i].op);
      const auto* ry = std::get_if<GlyphRun>(&y[i].op);
      ASSERT_EQ(rx == nullptr, ry == nullptr);
      if (!rx) continue;
      EXPECT_EQ(rx->text, ry->text);
      EXPECT_EQ(rx->x, ry->x);
      EXPECT_EQ(rx->y, ry->y);
    }
  }
}

TEST_F(LayoutTest, RecordedMarkedContentIsBalanced) {
  const book::Book book = long_book(2, 600);
  Recorded r;
  record(book, PdfOptions{}, r, diagnostics);
  EXPECT_TRUE(r.device.balanced());
}

}  // namespace
}  // namespace pb::pdf::test
