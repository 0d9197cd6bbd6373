#include "transform/image_location.h"

#include <algorithm>

#include "common/text.h"
#include "common/url.h"
#include "common/utf8.h"
#include "transform/image_source.h"

namespace pb::transform {

namespace {

namespace fs = std::filesystem;

std::string quoted(std::string_view written) {
  return "\"" + utf8::truncate(utf8::sanitize_for_xml(written), 60) + "\"";
}

bool has_scheme(std::string_view written) {
  const std::size_t colon = written.find(':');
  const std::size_t slash = written.find('/');
  return colon != std::string_view::npos && colon > 0 && (slash == std::string_view::npos || colon < slash);
}

// The file a relative path names inside folder, or "" when it is missing or escapes the folder.
std::string local_file(const fs::path& folder, std::string_view relative) {
  const std::string path = url::percent_decode(relative.substr(0, relative.find_first_of("?#")));
  std::error_code error;
  const fs::path root = fs::weakly_canonical(folder, error);
  if (error) return {};
  const fs::path candidate = fs::weakly_canonical(folder / path, error);
  if (error) return {};
  const auto [root_end, ignored] = std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  if (root_end != root.end() || !fs::is_regular_file(candidate, error)) return {};
  return candidate.string();
}

}  // namespace

void locate_image(std::string_view written, const ImageBase& base, book::ImageRef& ref) {
  written = text::trim(written);
  if (written.empty()) {
    ref.failure = "the image has no address";
    return;
  }
  if (text::starts_with_icase(written, "data:")) {
    ref.source = std::string(written);
    return;
  }
  if (has_scheme(written)) {
    if (url::is_fetchable(written))
      ref.source = widen_resized_url(written, base.max_image_width);
    else
      ref.failure = "refused " + quoted(written) + ": only http and https images are fetched";
    return;
  }
  if (!base.base_dir.empty() && !written.starts_with("/")) {
    if (std::string file = local_file(base.base_dir, written); !file.empty()) {
      ref.source = std::move(file);
      return;
    }
  }
  if (const auto absolute = url::resolve(base.base_url, written); absolute && url::is_fetchable(*absolute)) {
    ref.source = widen_resized_url(*absolute, base.max_image_width);
    return;
  }
  ref.failure = "cannot resolve " + quoted(written) + ": no such local file and no post link to resolve it against";
}

}  // namespace pb::transform
