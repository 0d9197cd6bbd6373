// Page geometry and type sizes of the three presets: a printed book (A5 by default, chapters
// on right-hand pages, running heads), an e-reader page (90 x 120 mm, small margins, larger
// type, no blank pages) and a handout (Letter or A4, 12 pt or more, ragged right).
#pragma once

#include <string>

#include "pdf/fonts.h"
#include "pdf/geometry.h"
#include "pdf/pdf_writer.h"

namespace pb::pdf {

struct PageSettings {
  Preset preset = Preset::Book;
  std::string paper_name;
  double width = 0, height = 0;
  double top = 0, bottom = 0, inner = 0, outer = 0;  // margins; inner is the binding side
  double font_size = 10;
  double leading = 13;  // baseline to baseline of body text
  Family body_family = Family::Serif;
  Family heading_family = Family::Sans;
  bool justify = true;
  bool hyphenate = true;
  bool paragraph_indent = true;  // first-line indent instead of space between paragraphs
  bool recto_chapters = false;   // chapters start on right-hand pages (blank pages allowed)
  bool running_heads = false;
  bool handout_header = false;  // title block with QR code, and the "Source:" footer
  bool title_page = true;
  bool table_of_contents = true;
  Color text_color;
  Color link_color;
  std::string retrieved_date;

  double text_width() const { return width - inner - outer; }
  double text_height() const { return height - top - bottom; }
  // Left edge of the text block: right-hand (odd) pages have the binding on the left.
  double text_left(bool right_hand_page) const { return right_hand_page ? inner : outer; }
};

// Throws UsageError for an unknown paper or font family.
PageSettings settings_for(const PdfOptions& options);

}  // namespace pb::pdf
