// The PDF stage sets its text in the fonts of src/fonts (shared with the generated cover); these
// names let the typesetter keep speaking of Font, FontSet and Shaper as its own.
#pragma once

#include "fonts/font.h"
#include "fonts/font_set.h"
#include "fonts/shaper.h"

namespace pb::pdf {

using fonts::Family;
using fonts::Font;
using fonts::FontSet;
using fonts::FontStyle;
using fonts::ShapedGlyph;
using fonts::Shaper;

}  // namespace pb::pdf
