// One walk over a chapter's blocks that turns them into the vertical list the page builder cuts:
// paragraphs as justified lines, headings kept with what follows, lists with markers in a hanging
// indent, indented quotations, figures scaled into the text block with their captions, tables
// in a grid, code wrapped but not justified, rules. Every box carries its structure element.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "book/model.h"
#include "common/diagnostics.h"
#include "pdf/line_setter.h"
#include "pdf/page_builder.h"
#include "pdf/paragraph_builder.h"
#include "pdf/presets.h"

namespace pb::pdf {

struct LayoutContext {
  const book::Book& book;
  const PageSettings& settings;
  FontSet& fonts;
  ParagraphBuilder& builder;
  StructureTree& structure;
  Diagnostics& diagnostics;
};

// A column of the text block that blocks are set in.
struct Frame {
  double left = 0;
  double width = 0;
};

// How text inside a block container differs from body text.
struct Flow {
  double scale = 1;    // type size relative to the body
  bool bold = false;   // table header cells
  bool indent = true;  // first-line indents between paragraphs
  bool justify = true;
  int list_depth = 0;
};

// Destination names: "c3" for the start of chapter 3, "c3#id" for an anchor inside it.
std::string destination_name(std::size_t chapter, const std::string& anchor);

class BlockLayout {
 public:
  explicit BlockLayout(LayoutContext& context);

  // A chapter: a forced page break, its opening (title, author, date; a QR code on handouts) and blocks.
  void chapter(std::size_t index, std::vector<VItem>& out);

  void blocks(const book::Blocks& blocks, const Frame& frame, int parent, const Flow& flow, std::vector<VItem>& out);

  // Sets a paragraph as line boxes with the penalties between them.
  void lines(const Paragraph& paragraph, const TextStyle& style, Align align, const Frame& frame, int element,
             double leading, bool keep_together, std::vector<VItem>& out);

  TextStyle body_style(const Flow& flow) const;
  TextStyle heading_style(int level) const;
  double leading_for(const TextStyle& style) const;
  // Baseline of a line box of this height, from its top.
  double baseline_in(const TextStyle& style, double leading) const;

 private:
  struct Spacing {
    double before = 0, after = 0;
    bool keep_with_next = false;
  };

  Spacing block(const book::Block& block, const Frame& frame, int parent, const Flow& flow, bool after_paragraph,
                std::vector<VItem>& out);
  Spacing paragraph(const book::Paragraph& p, const Frame& frame, int parent, const Flow& flow, bool indent,
                    std::vector<VItem>& out);
  Spacing heading(const book::Heading& h, const Frame& frame, int parent, std::vector<VItem>& out);
  Spacing list(const book::List& list, const Frame& frame, int parent, const Flow& flow, std::vector<VItem>& out);
  Spacing quote(const book::BlockQuote& quote, const Frame& frame, int parent, const Flow& flow,
                std::vector<VItem>& out);
  Spacing figure(const book::Figure& figure, const Frame& frame, int parent, const Flow& flow, std::vector<VItem>& out);
  Spacing table(const book::Table& table, const Frame& frame, int parent, const Flow& flow, std::vector<VItem>& out);
  Spacing code(const book::CodeBlock& code, const Frame& frame, int parent, const Flow& flow, std::vector<VItem>& out);
  Spacing rule(const Frame& frame, std::vector<VItem>& out);

  void chapter_opening(const book::Chapter& chapter, std::size_t index, std::vector<VItem>& out);
  void handout_opening(const book::Chapter& chapter, std::size_t index, std::vector<VItem>& out);
  // Ops of a paragraph set in a column, stacked from y = 0; returns the height.
  double stacked(const Paragraph& paragraph, const TextStyle& style, Align align, const Frame& frame, int element,
                 std::vector<PageOp>& ops);
  std::vector<PageOp> image_ops(const book::ImageRef& image, const Frame& frame, double max_height, int element,
                                double& height);
  LineSetup setup_for(const TextStyle& style, Align align, double width, int element);

  LayoutContext& c_;
  std::size_t chapter_ = 0;
  int chapter_section_ = 0;
  std::map<std::string, bool> warned_images_;
};

// Folds the boxes of a vertical list into one list of ops from y = 0; returns the height.
double stack_items(const std::vector<VItem>& items, std::vector<PageOp>& ops);

// "iv" for 4.
std::string roman_numeral(int number, bool upper);

}  // namespace pb::pdf
