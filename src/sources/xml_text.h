// Repairs for the XML WordPress writes. Feeds and WXR exports often hold bytes XML forbids:
// control characters pasted into posts (raw or as "&#x3;" references), invalid UTF-8, a BOM
// or blank lines before "<?xml", and now and then a Latin-1 or UTF-16 file. A strict parser
// rejects the whole file for one such byte; these functions remove what XML cannot hold so
// the rest can be read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pb::sources {

// What repair_xml changed, for one warning per document.
struct XmlRepairs {
  std::size_t invalid_utf8 = 0;          // byte sequences replaced with U+FFFD
  std::size_t forbidden_characters = 0;  // characters XML 1.0 forbids, removed
  std::size_t forbidden_references = 0;  // "&#x3;", "&#0;", "&#xD800;"... removed
  std::size_t skipped_prefix = 0;        // bytes before "<?xml" (PHP warnings printed into a feed)
  std::size_t skipped_lines = 0;         // newlines removed before the document (BOM, blank lines, junk)
  std::string converted_from;            // "UTF-16LE", "windows-1252"...; empty for UTF-8 input

  // True when something other than the encoding changed.
  bool any() const { return invalid_utf8 + forbidden_characters + forbidden_references + skipped_prefix > 0; }
  // "removed 3 characters XML forbids (control bytes), ..."; empty when any() is false.
  std::string describe() const;
};

// The document as UTF-8 that pugixml can parse: re-encoded when it is UTF-16 (BOM or "<?xml"
// pattern) or declares a Latin-1 encoding and is not valid UTF-8; BOMs and whitespace before
// the first '<' removed, and anything else before an XML declaration found in the first 64 KiB; invalid UTF-8 replaced
// with U+FFFD; characters XML forbids (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF) removed, raw or as
// numeric character references, in markup, text and CDATA alike. Lines are never joined, so line numbers stay
// meaningful. Throws BuildError(origin) for a document that declares an encoding other than UTF-8, UTF-16, ASCII or
// Latin-1/Windows-1252 and is not valid UTF-8.
std::string repair_xml(std::string_view text, const std::string& origin, XmlRepairs& repairs);

// Removes numeric character references to characters XML (and so EPUB) cannot hold: "&#3;",
// "&#x0B;", "&#0;", surrogates, U+FFFE/U+FFFF and anything beyond U+10FFFF. Other references
// and all other text are kept. Adds the number removed to *removed when given.
std::string remove_forbidden_references(std::string_view text, std::size_t* removed = nullptr);

}  // namespace pb::sources
