// The fonts a book is set in, found through fontconfig: a serif, a sans and a mono family in
// regular, bold, italic and bold italic, and for each character the primary font lacks, another
// installed TrueType font that has it. Characters no font has are reported once each.
#pragma once

#include <compare>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/diagnostics.h"
#include "fonts/font.h"

struct _FcConfig;

namespace pb::fonts {

enum class Family { Serif, Sans, Mono };

struct FontStyle {
  Family family = Family::Serif;
  bool bold = false;
  bool italic = false;
  auto operator<=>(const FontStyle&) const = default;
};

class FontSet {
 public:
  // Throws BuildError when no usable TrueType font is installed for a family.
  explicit FontSet(Diagnostics& diagnostics);
  // Reports characters no font has to nobody: for drawings such as the generated cover, where
  // the replacement mark is all there is to say and the book's own stage warns about the text.
  FontSet();
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  Font& primary(FontStyle style);
  // The font that draws c in this style: the primary font, another installed font with the
  // character, or nullptr when none has it.
  Font* font_for(FontStyle style, char32_t c);

  // What to draw for a character no font has: U+FFFD from a font that has it, or the
  // .notdef box of the primary font. Warns once per character.
  struct Replacement {
    Font* font = nullptr;
    std::uint32_t glyph = 0;
  };
  Replacement replacement(FontStyle style, char32_t missing);

  // Every font opened so far, in the order opened (which is also their id order).
  std::vector<Font*> fonts() const;

 private:
  Font* open(const std::string& file, int index);
  Font* find_family(const std::vector<std::string>& names, bool bold, bool italic);
  Font* search_fallback(FontStyle style, char32_t c);

  Diagnostics* diagnostics_ = nullptr;
  _FcConfig* config_ = nullptr;  // our own fontconfig configuration, freed with the set
  std::vector<std::unique_ptr<Font>> fonts_;
  std::map<std::pair<std::string, int>, Font*> by_file_;
  std::map<FontStyle, Font*> primaries_;
  std::map<std::pair<FontStyle, char32_t>, Font*> fallbacks_;
  std::map<char32_t, bool> reported_;
};

}  // namespace pb::fonts
