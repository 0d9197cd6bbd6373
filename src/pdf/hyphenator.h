// Where words may be hyphenated, from libhyphen and the Debian hyphen-* dictionaries: the
// dictionary is chosen from the book's language ("en" -> hyph_en_US.dic, "de" -> hyph_de_DE.dic).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"

struct _HyphenDict;

namespace pb::pdf {

class Hyphenator {
 public:
  // Throws BuildError when the dictionary cannot be loaded.
  explicit Hyphenator(const std::filesystem::path& dictionary);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // The dictionary for a BCP 47 language tag in folder, or nullptr (with a note) when none is installed.
  static std::unique_ptr<Hyphenator> for_language(const std::string& language, Diagnostics& diagnostics,
                                                  const std::filesystem::path& folder = "/usr/share/hyphen");
  static std::filesystem::path find_dictionary(const std::string& language, const std::filesystem::path& folder);

  // Byte offsets inside a word (UTF-8, letters only) after which a hyphen may go, leaving at
  // least two letters before and three after.
  std::vector<std::size_t> points(std::string_view word) const;

  // "hy-phen-ation": the word with every hyphenation point shown (for tests and debugging).
  std::string show(std::string_view word) const;

 private:
  _HyphenDict* dictionary_ = nullptr;
};

}  // namespace pb::pdf
