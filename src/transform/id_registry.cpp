#include "transform/id_registry.h"

#include "collect/series_collector.h"
#include "common/utf8.h"

namespace pb::transform {

namespace {

// XHTML ids: no whitespace, not empty. Keep the rest as written so "#fn1" still matches.
std::string clean_id(std::string_view original) {
  std::string out;
  for (char c : utf8::sanitize_for_xml(original))
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) out += c;
  return utf8::truncate(out, 200);
}

}  // namespace

std::string IdRegistry::unique(std::string base) {
  if (used_.insert(base).second) return base;
  for (int suffix = 2;; ++suffix) {
    std::string candidate = base + "-" + std::to_string(suffix);
    if (used_.insert(candidate).second) return candidate;
  }
}

std::string IdRegistry::reserve(std::string_view wanted) {
  return unique(std::string(wanted));
}

std::string IdRegistry::keep(std::string_view original) {
  if (kept_.contains(original)) return "";
  const std::string cleaned = clean_id(original);
  if (cleaned.empty()) return "";
  std::string final_id = unique(cleaned);
  kept_.emplace(std::string(original), final_id);
  return final_id;
}

std::string IdRegistry::make(std::string_view text, std::string_view fallback_prefix) {
  std::string base = collect::slugify(text);
  if (base.size() > 60) base.resize(60);
  while (!base.empty() && base.back() == '-') base.pop_back();
  if (base.empty()) base = std::string(fallback_prefix);
  return unique(base);
}

std::string IdRegistry::find(std::string_view original) const {
  const auto it = kept_.find(original);
  return it == kept_.end() ? std::string() : it->second;
}

}  // namespace pb::transform
