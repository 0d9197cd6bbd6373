// The Unicode Bidirectional Algorithm (through GNU FriBidi) for the lines of a cover: embedding
// levels for a whole paragraph, then, for any line of it, its runs in the order they are seen
// from left to right. A Hebrew or Arabic title reads from the right; numbers and Latin words in
// it keep their own order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pb::image {

struct BidiRun {
  std::size_t begin = 0;  // byte offsets into the paragraph
  std::size_t end = 0;
  bool right_to_left = false;
};

class BidiParagraph {
 public:
  // The paragraph direction comes from its first strong character (left to right if none).
  explicit BidiParagraph(std::string_view text);

  // The runs of text[begin, end) in visual order, left to right.
  std::vector<BidiRun> visual_runs(std::size_t begin, std::size_t end) const;

  bool right_to_left() const { return base_level_ % 2 == 1; }

 private:
  std::vector<std::uint8_t> level_of_byte_;
  std::uint8_t base_level_ = 0;
};

}  // namespace pb::image
