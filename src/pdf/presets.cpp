#include "pdf/presets.h"

#include <algorithm>

#include "common/error.h"
#include "common/text.h"

namespace pb::pdf {

namespace {

struct Paper {
  double width, height;
};

Paper paper_size(const std::string& name) {
  const std::string key = text::ascii_lower(name);
  if (key == "a4") return {millimetres(210), millimetres(297)};
  if (key == "letter") return {inches(8.5), inches(11)};
  if (key == "a5") return {millimetres(148), millimetres(210)};
  if (key == "6x9") return {inches(6), inches(9)};
  throw UsageError("--paper must be a4, letter, a5 or 6x9 (got \"" + name + "\")");
}

}  // namespace

Preset parse_preset(const std::string& name) {
  const std::string key = text::ascii_lower(name);
  if (key == "book") return Preset::Book;
  if (key == "ereader" || key == "e-reader") return Preset::Ereader;
  if (key == "handout") return Preset::Handout;
  throw UsageError("--pdf-preset must be book, ereader or handout (got \"" + name + "\")");
}

PageSettings settings_for(const PdfOptions& options) {
  PageSettings s;
  s.preset = options.preset;
  const std::string fonts = text::ascii_lower(options.fonts);
  if (fonts == "serif" || fonts.empty())
    s.body_family = Family::Serif;
  else if (fonts == "sans")
    s.body_family = Family::Sans;
  else
    throw UsageError("--fonts must be serif or sans (got \"" + options.fonts + "\")");
  if (options.font_size != 0 && (options.font_size < 4 || options.font_size > 72))
    throw UsageError("--font-size must be between 4 and 72 points");
  s.table_of_contents = options.table_of_contents;
  s.retrieved_date = options.retrieved_date;
  s.link_color = {0.05, 0.2, 0.55};

  std::string paper = options.paper;
  switch (options.preset) {
    case Preset::Book: {
      if (paper.empty()) paper = "a5";
      const Paper size = paper_size(paper);
      s.width = size.width;
      s.height = size.height;
      const std::string key = text::ascii_lower(paper);
      if (key == "a5") {
        s.top = millimetres(15), s.bottom = millimetres(20), s.inner = millimetres(18), s.outer = millimetres(14);
        s.font_size = 10;
      } else if (key == "6x9") {
        s.top = inches(0.65), s.bottom = inches(0.8), s.inner = inches(0.8), s.outer = inches(0.6);
        s.font_size = 10.5;
      } else {
        s.top = millimetres(22), s.bottom = millimetres(28), s.inner = millimetres(30), s.outer = millimetres(24);
        s.font_size = 11;
      }
      s.recto_chapters = true;
      s.running_heads = true;
      s.link_color = {0, 0, 0};
      break;
    }
    case Preset::Ereader: {
      if (paper.empty()) {
        s.width = millimetres(90);
        s.height = millimetres(120);
      } else {
        const Paper size = paper_size(paper);
        s.width = size.width;
        s.height = size.height;
      }
      s.top = millimetres(5), s.bottom = millimetres(8), s.inner = millimetres(5), s.outer = millimetres(5);
      s.font_size = 11;
      break;
    }
    case Preset::Handout: {
      if (paper.empty()) paper = "letter";
      const Paper size = paper_size(paper);
      s.width = size.width;
      s.height = size.height;
      s.top = millimetres(18), s.bottom = millimetres(22), s.inner = millimetres(22), s.outer = millimetres(22);
      s.font_size = 12;
      s.justify = false;
      s.hyphenate = false;
      s.paragraph_indent = false;
      s.handout_header = true;
      s.title_page = false;
      break;
    }
  }
  if (options.font_size > 0) s.font_size = options.font_size;
  if (s.preset == Preset::Handout) s.font_size = std::max(s.font_size, 12.0);
  s.font_size = std::max(s.font_size, 4.0);
  s.leading = s.font_size * (s.preset == Preset::Handout ? 1.4 : 1.3);
  s.paper_name = paper.empty() ? "ereader" : text::ascii_lower(paper);
  return s;
}

}  // namespace pb::pdf
