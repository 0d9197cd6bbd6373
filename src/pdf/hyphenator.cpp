#include "pdf/hyphenator.h"

#include <hyphen.h>

#include <algorithm>
#include <cstdlib>

#include "common/error.h"
#include "common/text.h"
#include "common/utf8.h"

namespace pb::pdf {

namespace {

// Lower case for the scripts the Debian dictionaries cover; every mapping keeps the UTF-8
// length, so byte offsets into the lowered word are offsets into the original.
char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x178 && c != 0x17F) {
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper) return (c % 2 == 1) ? c + 1 : c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

std::string lower_word(std::string_view word) {
  std::string out;
  std::size_t pos = 0;
  while (pos < word.size()) {
    const std::size_t start = pos;
    const std::optional<char32_t> c = utf8::decode(word, pos);
    if (!c) {
      out.append(word.substr(start, pos - start));
      continue;
    }
    std::string lowered;
    utf8::append(lowered, to_lower(*c));
    if (lowered.size() == pos - start)
      out += lowered;
    else
      out.append(word.substr(start, pos - start));
  }
  return out;
}

}  // namespace

Hyphenator::Hyphenator(const std::filesystem::path& dictionary) {
  dictionary_ = hnj_hyphen_load(dictionary.c_str());
  if (!dictionary_) throw BuildError(dictionary.string(), "cannot load the hyphenation dictionary");
}

Hyphenator::~Hyphenator() {
  hnj_hyphen_free(dictionary_);
}

std::filesystem::path Hyphenator::find_dictionary(const std::string& language, const std::filesystem::path& folder) {
  std::vector<std::string> parts;
  for (std::string_view part : text::split(language, '-'))
    if (!part.empty()) parts.emplace_back(part);
  if (parts.empty()) return {};
  const std::string primary = text::ascii_lower(parts.front());
  std::vector<std::string> candidates;
  for (std::size_t i = 1; i < parts.size(); ++i)
    if (parts[i].size() == 2) {
      std::string region = parts[i];
      for (char& ch : region) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      candidates.push_back("hyph_" + primary + "_" + region + ".dic");
    }
  std::string upper = primary;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (primary == "en") candidates.push_back("hyph_en_US.dic");
  candidates.push_back("hyph_" + primary + "_" + upper + ".dic");
  candidates.push_back("hyph_" + primary + ".dic");
  std::error_code error;
  for (const std::string& name : candidates)
    if (std::filesystem::is_regular_file(folder / name, error)) return folder / name;
  // Any regional variant of the language, the first by name.
  std::vector<std::filesystem::path> others;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("hyph_" + primary + "_") && name.ends_with(".dic")) others.push_back(entry.path());
  }
  std::sort(others.begin(), others.end());
  return others.empty() ? std::filesystem::path() : others.front();
}

std::unique_ptr<Hyphenator> Hyphenator::for_language(const std::string& language, Diagnostics& diagnostics,
                                                     const std::filesystem::path& folder) {
  const std::filesystem::path dictionary = find_dictionary(language, folder);
  if (dictionary.empty()) {
    diagnostics.note("pdf: no hyphenation dictionary for language \"" + language +
                     "\" (install the Debian hyphen-* package for it); words are not hyphenated");
    return nullptr;
  }
  return std::make_unique<Hyphenator>(dictionary);
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
  std::vector<std::size_t> result;
  if (word.empty() || word.size() > 200) return result;
  const std::string lowered = lower_word(word);
  std::vector<char> hyphens(lowered.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int failed = hnj_hyphen_hyphenate3(dictionary_, lowered.c_str(), static_cast<int>(lowered.size()),
                                           hyphens.data(), nullptr, &rep, &pos, &cut, 2, 3, 2, 2);
  if (rep) {
    // Non-standard hyphenation (German "Schiff-fahrt"): its points are still usable as plain ones.
    for (std::size_t i = 0; i < lowered.size(); ++i) std::free(rep[i]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  if (failed) return result;
  // libhyphen counts hyphen minimums in bytes for some dictionaries; enforce them in characters.
  std::vector<std::size_t> char_ends;  // byte offset after each character
  for (std::size_t p = 0; p < lowered.size();) {
    utf8::decode(lowered, p);
    char_ends.push_back(p);
  }
  for (std::size_t i = 0; i < char_ends.size(); ++i) {
    const std::size_t byte = char_ends[i] - 1;
    if ((hyphens[byte] & 1) == 0) continue;
    const std::size_t before = i + 1, after = char_ends.size() - before;
    if (before >= 2 && after >= 3) result.push_back(char_ends[i]);
  }
  return result;
}

std::string Hyphenator::show(std::string_view word) const {
  std::string out;
  std::size_t last = 0;
  for (std::size_t point : points(word)) {
    out.append(word.substr(last, point - last));
    out += '-';
    last = point;
  }
  out.append(word.substr(last));
  return out;
}

}  // namespace pb::pdf
