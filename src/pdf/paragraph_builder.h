// Turns inline content into a paragraph of boxes, glue and penalties: flattens the styles,
// shapes the text, and marks where lines may end (word spaces, Unicode break opportunities,
// hyphenation points, and as a last resort inside words wider than a line).
#pragma once

#include <string>
#include <string_view>

#include "book/model.h"
#include "pdf/fonts.h"
#include "pdf/hyphenator.h"
#include "pdf/items.h"

namespace pb::pdf {

struct TextStyle {
  FontStyle font;
  double size = 10;
  Color color;
  Color link_color;
  bool justify = true;    // stretchable word spaces; otherwise ragged right
  bool hyphenate = true;  // when a dictionary is loaded
  double indent = 0;      // first line
};

constexpr int kHyphenPenalty = 50;
constexpr int kEmergencyPenalty = 1000;

class ParagraphBuilder {
 public:
  ParagraphBuilder(Shaper& shaper, const Hyphenator* hyphenator, std::string language);

  // measure: the line width, used to cut words that are wider than any line.
  Paragraph build(const book::Inlines& content, const TextStyle& style, double measure);
  Paragraph build_text(std::string_view text, const TextStyle& style, double measure);

  Shaper& shaper() { return shaper_; }
  const Hyphenator* hyphenator() const { return hyphenator_; }

 private:
  Shaper& shaper_;
  const Hyphenator* hyphenator_;
  std::string language_;
};

// The widest unbreakable stretch and the whole natural width of a paragraph (table columns).
struct ParagraphWidths {
  double minimum = 0;
  double natural = 0;
};
ParagraphWidths measure_widths(const Paragraph& paragraph);

}  // namespace pb::pdf
