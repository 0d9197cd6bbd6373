// The srcset parser and the image source choice: never crash, never pick a candidate wider
// than the limit when one within it exists.
#include <string>

#include "fuzz/fuzz_target.h"
#include "transform/image_source.h"

namespace {

int fuzz_srcset(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto candidates = pb::transform::parse_srcset(text);
  for (const auto& candidate : candidates)
    if (candidate.url.empty() || candidate.width < 0) __builtin_trap();
  pb::transform::ImageAttributes image;
  image.srcset = text;
  image.src = "fallback.jpg";
  const auto chosen = pb::transform::choose_image_source(image, 800);
  if (!chosen) __builtin_trap();  // src is always there to fall back on
  bool fitting_exists = false;
  for (const auto& candidate : candidates)
    if (candidate.width > 0 && candidate.width <= 800 && !pb::transform::is_placeholder_data_uri(candidate.url))
      fitting_exists = true;
  if (fitting_exists && chosen->width > 800) __builtin_trap();
  return 0;
}

}  // namespace

POSTBINDER_FUZZ_TARGET(srcset, fuzz_srcset)
