#include "transform/image_source.h"

#include <algorithm>
#include <charconv>

#include "common/text.h"
#include "common/url.h"

namespace pb::transform {

namespace {

bool is_srcset_space(char c) {
  return text::is_html_space(c);
}

// Reads one descriptor such as "800w" or "1.5x" into the candidate; false when malformed.
bool apply_descriptor(std::string_view descriptor, SrcsetCandidate& candidate) {
  if (descriptor.size() < 2) return false;
  const char unit = descriptor.back();
  const std::string_view number = descriptor.substr(0, descriptor.size() - 1);
  if (unit == 'w' || unit == 'W') {
    int width = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), width);
    if (error != std::errc() || end != number.data() + number.size() || width <= 0) return false;
    candidate.width = width;
    return true;
  }
  if (unit == 'x' || unit == 'X') {
    double density = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), density);
    if (error != std::errc() || end != number.data() + number.size() || density <= 0) return false;
    candidate.density = density;
    return true;
  }
  return unit == 'h' || unit == 'H';  // height descriptors exist in drafts; ignore them
}

std::optional<SrcsetCandidate> best_candidate(const std::vector<SrcsetCandidate>& candidates, int max_width) {
  const SrcsetCandidate* widest_fitting = nullptr;  // widest "Nw" candidate not wider than max_width
  const SrcsetCandidate* narrowest_over = nullptr;  // used only when every "Nw" candidate is too wide
  const SrcsetCandidate* densest = nullptr;         // "Nx" candidates; a bare URL counts as 1x
  const auto density = [](const SrcsetCandidate& c) { return c.density > 0 ? c.density : 1.0; };
  for (const SrcsetCandidate& candidate : candidates) {
    if (is_placeholder_data_uri(candidate.url)) continue;
    if (candidate.width > 0 && candidate.width <= max_width) {
      if (!widest_fitting || widest_fitting->width < candidate.width) widest_fitting = &candidate;
    } else if (candidate.width > 0) {
      if (!narrowest_over || narrowest_over->width > candidate.width) narrowest_over = &candidate;
    } else if (!densest || density(*densest) < density(candidate)) {
      densest = &candidate;
    }
  }
  for (const SrcsetCandidate* choice : {widest_fitting, densest, narrowest_over})
    if (choice) return *choice;
  return std::nullopt;
}

bool looks_like_image_type_we_prefer(std::string_view type) {
  // Formats every e-reader shows need no conversion.
  return type.empty() || type == "image/jpeg" || type == "image/png" || type == "image/gif";
}

}  // namespace

std::vector<SrcsetCandidate> parse_srcset(std::string_view srcset) {
  std::vector<SrcsetCandidate> candidates;
  std::size_t pos = 0;
  while (pos < srcset.size()) {
    while (pos < srcset.size() && (is_srcset_space(srcset[pos]) || srcset[pos] == ',')) ++pos;
    if (pos >= srcset.size()) break;
    const std::size_t url_start = pos;
    while (pos < srcset.size() && !is_srcset_space(srcset[pos])) ++pos;
    std::string_view url = srcset.substr(url_start, pos - url_start);
    SrcsetCandidate candidate;
    bool valid = true;
    if (!url.empty() && url.back() == ',') {
      // "a.jpg, b.jpg 2x": a URL ending in commas has no descriptors.
      while (!url.empty() && url.back() == ',') url.remove_suffix(1);
    } else {
      while (pos < srcset.size() && srcset[pos] != ',') {
        while (pos < srcset.size() && is_srcset_space(srcset[pos])) ++pos;
        const std::size_t descriptor_start = pos;
        while (pos < srcset.size() && !is_srcset_space(srcset[pos]) && srcset[pos] != ',') ++pos;
        const std::string_view descriptor = srcset.substr(descriptor_start, pos - descriptor_start);
        if (!descriptor.empty() && !apply_descriptor(descriptor, candidate)) valid = false;
      }
    }
    if (valid && !url.empty()) {
      candidate.url = std::string(url);
      candidates.push_back(std::move(candidate));
    }
  }
  return candidates;
}

bool is_placeholder_data_uri(std::string_view url) {
  if (!text::starts_with_icase(url, "data:")) return false;
  // A real inline picture is kilobytes of base64; lazy-load placeholders are a few dozen bytes.
  return url.size() < 400;
}

std::string widen_resized_url(std::string_view address, int max_width) {
  const std::optional<url::Parts> parts = url::parse(address);
  if (!parts) return std::string(address);
  const bool photon = parts->host.size() == 9 && parts->host.starts_with("i") && parts->host.ends_with(".wp.com");
  const bool wordpress_com = parts->host.ends_with(".files.wordpress.com") || parts->host.ends_with(".wordpress.com");
  if (!photon && !wordpress_com) return std::string(address);
  const std::string query = "w=" + std::to_string(max_width) + (photon ? "&ssl=1" : "");
  std::string out = parts->scheme + "://" + parts->host + parts->path + "?" + query;
  return out;
}

std::optional<ChosenSource> choose_image_source(const ImageAttributes& image, int max_width) {
  // srcset lists, lazy-load copies first: the plain srcset may describe the placeholder.
  for (const std::string* srcset : {&image.data_lazy_srcset, &image.data_srcset, &image.srcset}) {
    if (srcset->empty()) continue;
    if (const auto best = best_candidate(parse_srcset(*srcset), max_width)) {
      return ChosenSource{best->url, best->width, false};
    }
  }
  // <picture><source srcset type>: prefer formats that need no conversion.
  for (const bool preferred_only : {true, false}) {
    for (const auto& source : image.picture_sources) {
      if (preferred_only && !looks_like_image_type_we_prefer(source.type)) continue;
      if (const auto best = best_candidate(parse_srcset(source.srcset), max_width))
        return ChosenSource{best->url, best->width, false};
    }
  }
  for (const std::string* single : {&image.data_orig_file, &image.data_lazy_src, &image.data_src,
                                    &image.data_lazy_original, &image.data_original, &image.src}) {
    const std::string_view value = text::trim(*single);
    if (value.empty() || is_placeholder_data_uri(value)) continue;
    return ChosenSource{std::string(value), single == &image.src ? image.width : 0, false};
  }
  if (!text::trim(image.src).empty()) return ChosenSource{std::string(text::trim(image.src)), 0, true};
  return std::nullopt;
}

}  // namespace pb::transform
