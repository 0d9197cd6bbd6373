// Collects the inline content of the paragraph (or heading) being built from HTML: text with
// collapsed whitespace, and the emphasis/strong/link elements still open around it.
// take() closes the open elements into finished inlines and leaves them open, empty, for the
// text that follows; that is how a block found inside a paragraph is lifted out of it
// without losing the formatting of the text after it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "book/model.h"

namespace pb::transform {

class InlineRun {
 public:
  void push_style(book::Style style);
  void push_link(book::LinkTarget target);
  void pop();  // closes the innermost open element
  std::size_t depth() const { return frames_.size(); }

  void text(std::string_view html_text);  // whitespace collapsed as a browser would
  void verbatim(std::string_view text);   // no collapsing (already clean)
  void line_break();
  void anchor(std::string id);

  // True while nothing visible (text other than spaces) has been added since the last take().
  bool blank() const { return !visible_; }

  // The finished inlines, trimmed at both ends; open elements stay open (and empty).
  book::Inlines take();

  // A run with the same open elements and no content, for a nested container (a list item
  // inside <b> keeps the bold).
  InlineRun clone_open_elements() const;

 private:
  struct Frame {
    bool is_link = false;
    book::Style style = book::Style::Emphasis;
    book::LinkTarget target;
    book::Inlines children;
  };
  book::Inlines& current();

  book::Inlines root_;
  std::vector<Frame> frames_;
  bool last_was_space_ = true;
  bool visible_ = false;
};

// Removes spaces and line breaks at the start and end, spaces around line breaks and elements
// left empty. No-break spaces at the very ends go too: Word pastes them as padding.
void trim_inlines(book::Inlines& inlines);

// True when the inlines hold visible text (not only spaces, no-break spaces and breaks).
bool has_visible_text(const book::Inlines& inlines);

}  // namespace pb::transform
