// The series title parser: any title or slug parses or is rejected, never crashes, and a
// parsed part number is positive.
#include <string_view>

#include "collect/part_title.h"
#include "fuzz/fuzz_target.h"

namespace {

int fuzz_part_title(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& parsed : {pb::collect::parse_part_title(text), pb::collect::parse_part_slug(text)})
    if (parsed && parsed->number <= 0) __builtin_trap();
  pb::collect::normalize_stem(text);
  pb::collect::parse_part_number(text);
  return 0;
}

}  // namespace

POSTBINDER_FUZZ_TARGET(part_title, fuzz_part_title)
