#include "fonts/font_set.h"

#include <fontconfig/fontconfig.h>

#include <cstdio>

#include "common/error.h"
#include "common/text.h"

namespace pb::fonts {

namespace {

// Families tried in order; the generic name last lets fontconfig pick any installed font.
const std::vector<std::string>& family_names(Family family) {
  static const std::vector<std::string> serif = {"DejaVu Serif", "Liberation Serif", "Noto Serif", "FreeSerif",
                                                 "serif"};
  static const std::vector<std::string> sans = {"DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans",
                                                "sans-serif"};
  static const std::vector<std::string> mono = {"DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono", "FreeMono",
                                                "monospace"};
  switch (family) {
    case Family::Serif:
      return serif;
    case Family::Sans:
      return sans;
    case Family::Mono:
      return mono;
  }
  return serif;
}

const char* family_label(Family family) {
  switch (family) {
    case Family::Serif:
      return "serif";
    case Family::Sans:
      return "sans";
    case Family::Mono:
      return "mono";
  }
  return "serif";
}

bool is_generic(const std::string& name) {
  return name == "serif" || name == "sans-serif" || name == "monospace";
}

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

Pattern style_pattern(bool bold, bool italic) {
  Pattern pattern(FcPatternCreate());
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
  return pattern;
}

std::string string_of(FcPattern* pattern, const char* object) {
  FcChar8* value = nullptr;
  if (FcPatternGetString(pattern, object, 0, &value) != FcResultMatch || !value) return {};
  return reinterpret_cast<const char*>(value);
}

bool truetype_file(const std::string& file) {
  const std::string lower = text::ascii_lower(file);
  return lower.ends_with(".ttf") || lower.ends_with(".ttc");
}

std::string code_point_name(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

}  // namespace

FontSet::FontSet(Diagnostics& diagnostics) : FontSet() {
  diagnostics_ = &diagnostics;
}

FontSet::FontSet() {
  config_ = FcInitLoadConfigAndFonts();
  if (!config_) throw BuildError("fontconfig", "cannot load the font configuration");
  for (Family family : {Family::Serif, Family::Sans, Family::Mono}) {
    Font* regular = find_family(family_names(family), false, false);
    if (!regular) {
      FcConfigDestroy(config_);
      throw BuildError("fonts", std::string("no TrueType ") + family_label(family) +
                                    " font is installed (install fonts-dejavu-core or fonts-liberation2)");
    }
    primaries_[{family, false, false}] = regular;
  }
}

FontSet::~FontSet() {
  FcConfigDestroy(config_);
}

Font* FontSet::open(const std::string& file, int index) {
  const auto key = std::make_pair(file, index);
  if (const auto it = by_file_.find(key); it != by_file_.end()) return it->second;
  Font* font = nullptr;
  try {
    fonts_.push_back(std::make_unique<Font>(file, index, static_cast<int>(fonts_.size()) + 1));
    font = fonts_.back().get();
  } catch (const BuildError&) {
    font = nullptr;
  }
  by_file_[key] = font;
  return font;
}

Font* FontSet::find_family(const std::vector<std::string>& names, bool bold, bool italic) {
  for (const std::string& name : names) {
    Pattern pattern = style_pattern(bold, italic);
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
    FcConfigSubstitute(config_, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern match(FcFontMatch(config_, pattern.get(), &result));
    if (!match) continue;
    const std::string file = string_of(match.get(), FC_FILE);
    const std::string family = string_of(match.get(), FC_FAMILY);
    if (file.empty() || !truetype_file(file)) continue;
    if (!is_generic(name) && !text::iequals(family, name)) continue;
    int index = 0;
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    if (Font* font = open(file, index)) return font;
  }
  return nullptr;
}

Font& FontSet::primary(FontStyle style) {
  if (const auto it = primaries_.find(style); it != primaries_.end()) return *it->second;
  Font* font = find_family(family_names(style.family), style.bold, style.italic);
  if (!font) font = primaries_.at({style.family, false, false});
  primaries_[style] = font;
  return *font;
}

Font* FontSet::font_for(FontStyle style, char32_t c) {
  Font& first = primary(style);
  if (first.covers(c)) return &first;
  const auto key = std::make_pair(style, c);
  if (const auto it = fallbacks_.find(key); it != fallbacks_.end()) return it->second;
  Font* found = nullptr;
  for (Family family : {Family::Sans, Family::Serif, Family::Mono}) {
    Font& other = primary({family, style.bold, style.italic});
    if (other.covers(c)) {
      found = &other;
      break;
    }
  }
  if (!found) found = search_fallback(style, c);
  fallbacks_[key] = found;
  return found;
}

Font* FontSet::search_fallback(FontStyle style, char32_t c) {
  Pattern pattern = style_pattern(style.bold, style.italic);
  FcCharSet* wanted = FcCharSetCreate();
  FcCharSetAddChar(wanted, c);
  FcPatternAddCharSet(pattern.get(), FC_CHARSET, wanted);
  FcCharSetDestroy(wanted);
  FcConfigSubstitute(config_, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  FcFontSet* sorted = FcFontSort(config_, pattern.get(), FcFalse, nullptr, &result);
  Font* found = nullptr;
  if (sorted) {
    for (int i = 0; i < sorted->nfont && !found; ++i) {
      FcPattern* candidate = sorted->fonts[i];
      FcCharSet* charset = nullptr;
      if (FcPatternGetCharSet(candidate, FC_CHARSET, 0, &charset) != FcResultMatch || !FcCharSetHasChar(charset, c))
        continue;
      const std::string file = string_of(candidate, FC_FILE);
      if (file.empty() || !truetype_file(file)) continue;
      int index = 0;
      FcPatternGetInteger(candidate, FC_INDEX, 0, &index);
      Font* font = open(file, index);
      if (font && font->covers(c)) found = font;
    }
    FcFontSetDestroy(sorted);
  }
  return found;
}

FontSet::Replacement FontSet::replacement(FontStyle style, char32_t missing) {
  if (diagnostics_ && !reported_[missing]) {
    reported_[missing] = true;
    diagnostics_->warn("pdf", "no installed font has the character " + code_point_name(missing) +
                                  "; it is drawn as a replacement mark");
  }
  if (Font* font = font_for(style, 0xFFFD)) return {font, font->glyph_for(0xFFFD)};
  return {&primary(style), 0};
}

std::vector<Font*> FontSet::fonts() const {
  std::vector<Font*> result;
  for (const auto& font : fonts_) result.push_back(font.get());
  return result;
}

}  // namespace pb::fonts
