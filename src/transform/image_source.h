// Picks the URL to download for an <img> (or <picture>): lazy-load attributes, srcset
// candidates up to a maximum width, Jetpack/Photon originals, placeholders recognised.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pb::transform {

struct SrcsetCandidate {
  std::string url;
  int width = 0;       // "800w"; 0 when absent
  double density = 0;  // "2x"; 0 when absent
};

// Parses an HTML srcset attribute ("a.jpg 300w, b.jpg 800w" or "a.jpg, b.jpg 2x").
// Malformed candidates are skipped; never throws.
std::vector<SrcsetCandidate> parse_srcset(std::string_view srcset);

// The attributes of an <img> that matter for choosing its source, plus <source> srcsets of an
// enclosing <picture> (in document order, with their type attribute).
struct ImageAttributes {
  std::string src, srcset;
  std::string data_src, data_srcset, data_lazy_src, data_lazy_srcset, data_lazy_original, data_original;
  std::string data_orig_file;  // Jetpack: the full-size original
  int width = 0, height = 0;
  struct PictureSource {
    std::string srcset;
    std::string type;  // "image/webp", may be empty
  };
  std::vector<PictureSource> picture_sources;
};

struct ChosenSource {
  std::string url;           // as written (may still be relative)
  int width = 0;             // the candidate's declared width, 0 when unknown
  bool placeholder = false;  // only a lazy-load placeholder (data: GIF/SVG) was found
};

// max_width: the widest candidate worth fetching (--max-image-width).
std::optional<ChosenSource> choose_image_source(const ImageAttributes& image, int max_width);

// A data: URI too small to be a real picture (the 1x1 GIFs and empty SVGs lazy loaders use).
bool is_placeholder_data_uri(std::string_view url);

// Jetpack Photon (i0.wp.com/host/path?resize=...) and WordPress.com (?w=300) URLs ask the CDN
// for a reduced copy: ask for max_width instead. Other URLs are returned unchanged.
std::string widen_resized_url(std::string_view url, int max_width);

}  // namespace pb::transform
