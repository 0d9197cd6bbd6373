#include "image/bidi_runs.h"

#include <fribidi.h>

#include <algorithm>

#include "common/utf8.h"

namespace pb::image {

BidiParagraph::BidiParagraph(std::string_view text) : level_of_byte_(text.size(), 0) {
  std::vector<FriBidiChar> characters;
  std::vector<std::size_t> starts;  // byte offset of each character
  for (std::size_t pos = 0; pos < text.size();) {
    starts.push_back(pos);
    characters.push_back(utf8::decode(text, pos).value_or(utf8::kReplacement));
  }
  starts.push_back(text.size());
  if (characters.empty()) return;
  const auto length = static_cast<FriBidiStrIndex>(characters.size());
  std::vector<FriBidiCharType> types(characters.size());
  std::vector<FriBidiBracketType> brackets(characters.size());
  std::vector<FriBidiLevel> levels(characters.size());
  fribidi_get_bidi_types(characters.data(), length, types.data());
  fribidi_get_bracket_types(characters.data(), length, types.data(), brackets.data());
  FriBidiParType direction = FRIBIDI_PAR_ON;  // from the first strong character
  if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), length, &direction, levels.data()) == 0)
    return;  // out of memory: left to right, as before
  base_level_ = FRIBIDI_IS_RTL(direction) ? 1 : 0;
  for (std::size_t i = 0; i < characters.size(); ++i)
    std::fill(level_of_byte_.begin() + static_cast<std::ptrdiff_t>(starts[i]),
              level_of_byte_.begin() + static_cast<std::ptrdiff_t>(starts[i + 1]),
              static_cast<std::uint8_t>(levels[i]));
}

std::vector<BidiRun> BidiParagraph::visual_runs(std::size_t begin, std::size_t end) const {
  // Runs of one level, in reading order.
  std::vector<BidiRun> runs;
  std::vector<std::uint8_t> levels;
  for (std::size_t pos = begin; pos < end;) {
    const std::uint8_t level = level_of_byte_[pos];
    std::size_t next = pos;
    while (next < end && level_of_byte_[next] == level) ++next;
    runs.push_back({pos, next, level % 2 == 1});
    levels.push_back(level);
    pos = next;
  }
  if (runs.empty()) return runs;
  // Rule L2: from the highest level down to the lowest odd one, reverse every stretch of runs at
  // that level or above.
  const std::uint8_t highest = *std::max_element(levels.begin(), levels.end());
  std::uint8_t lowest_odd = 255;
  for (std::uint8_t level : levels)
    if (level % 2 == 1) lowest_odd = std::min(lowest_odd, level);
  for (int level = highest; level >= lowest_odd && level > 0; --level) {
    for (std::size_t i = 0; i < runs.size();) {
      if (levels[i] < level) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < runs.size() && levels[j] >= level) ++j;
      std::reverse(runs.begin() + static_cast<std::ptrdiff_t>(i), runs.begin() + static_cast<std::ptrdiff_t>(j));
      std::reverse(levels.begin() + static_cast<std::ptrdiff_t>(i), levels.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }
  return runs;
}

}  // namespace pb::image
