// What the layout draws, and the small interface it draws to (after MuPDF's fz_device): the
// PoDoFo writer is one implementation, a recording device for tests is another. Coordinates
// are points from the top-left corner of the page.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "book/model.h"
#include "pdf/fonts.h"
#include "pdf/geometry.h"

namespace pb::pdf {

struct PlacedGlyph {
  std::uint32_t glyph = 0;
  double x = 0;  // from the run's origin
  double y = 0;  // up from the baseline (marks placed by the shaper)
};

// Glyphs of one font on one baseline.
struct GlyphRun {
  const Font* font = nullptr;
  double size = 10;
  Color color;
  double x = 0, y = 0;  // origin on the baseline
  std::vector<PlacedGlyph> glyphs;
  std::string text;  // UTF-8 text the glyphs draw; word spaces included
  double width = 0;
  bool hyphen = false;  // a hyphen added at a line break
};

struct ImageDraw {
  const book::Resource* resource = nullptr;
  Rect rect;
};

struct RectDraw {
  Rect rect;
  Color color;
  double stroke_width = 0;  // 0: filled; otherwise the outline's width
};

// A clickable area: an external URI, or a named place in the document ("c3", "c3#section").
struct LinkArea {
  Rect rect;
  std::string uri;
  std::string destination;
};

// A named place links and the outline point at.
struct Destination {
  std::string name;
  double x = 0, y = 0;
};

using DrawOp = std::variant<GlyphRun, ImageDraw, RectDraw, LinkArea, Destination>;

// An operation and the structure element it belongs to (-1: an artifact such as a page number).
struct PageOp {
  DrawOp op;
  int element = -1;
};

// Tagged-PDF structure: Document > Sect > H1/P/L/LI/Lbl/LBody/Figure/Table/TR/TH/TD/Link ...
struct StructureElement {
  std::string type;
  int parent = -1;
  std::string alt;  // Figure: the alternative text
};

class StructureTree {
 public:
  StructureTree() { elements_.push_back({"Document", -1, {}}); }
  int root() const { return 0; }
  int add(std::string type, int parent, std::string alt = {}) {
    elements_.push_back({std::move(type), parent, std::move(alt)});
    return static_cast<int>(elements_.size()) - 1;
  }
  const std::vector<StructureElement>& elements() const { return elements_; }

 private:
  std::vector<StructureElement> elements_;
};

struct OutlineEntry {
  std::string title;
  std::string destination;
  std::vector<OutlineEntry> children;
};

struct PageLabelRange {
  std::size_t first_page = 0;  // index of the first page the style applies to
  bool roman = false;          // lower-case roman numerals, else decimal
  int start = 1;
};

struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string language;
  std::string creator = "postbinder";
  std::time_t modified = 0;
  std::string identifier;
  std::string description;
  std::vector<std::string> authors;
  std::vector<std::string> subjects;
};

struct DocumentNavigation {
  std::vector<OutlineEntry> outline;
  std::vector<PageLabelRange> labels;
};

class Device {
 public:
  virtual ~Device() = default;
  // The structure tree is complete before the first page; marked content refers to its elements.
  virtual void begin_document(const DocumentInfo& info, const StructureTree& structure) = 0;
  virtual void begin_page(double width, double height) = 0;
  // Marked content: what follows belongs to a structure element (-1: an artifact).
  virtual void begin_marked(int element) = 0;
  virtual void end_marked() = 0;
  virtual void draw_glyphs(const GlyphRun& run) = 0;
  virtual void draw_image(const ImageDraw& image) = 0;
  virtual void draw_rect(const RectDraw& rect) = 0;
  virtual void add_link(const LinkArea& link, int element) = 0;
  virtual void add_destination(const Destination& destination) = 0;
  virtual void end_page() = 0;
  virtual void end_document(const DocumentNavigation& navigation) = 0;
};

}  // namespace pb::pdf
