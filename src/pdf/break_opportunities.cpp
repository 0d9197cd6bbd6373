#include "pdf/break_opportunities.h"

#include <linebreak.h>

#include <mutex>

namespace pb::pdf {

std::vector<BreakKind> line_break_opportunities(std::string_view text, const std::string& language) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { init_linebreak(); });
  std::vector<char> breaks(text.size());
  if (text.empty()) return {};
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(), language.c_str(), breaks.data());
  std::vector<BreakKind> out(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    switch (breaks[i]) {
      case LINEBREAK_MUSTBREAK:
        out[i] = BreakKind::Must;
        break;
      case LINEBREAK_ALLOWBREAK:
        out[i] = BreakKind::Allow;
        break;
      case LINEBREAK_NOBREAK:
        out[i] = BreakKind::None;
        break;
      default:
        out[i] = BreakKind::InsideCharacter;
        break;
    }
  }
  return out;
}

}  // namespace pb::pdf
