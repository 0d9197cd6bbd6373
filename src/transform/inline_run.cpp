#include "transform/inline_run.h"

#include <algorithm>

#include "common/text.h"

namespace pb::transform {

namespace {

using book::Inline;
using book::Inlines;

bool is_trimmable_space(std::string_view text, std::size_t at, std::size_t& length) {
  if (text::is_html_space(text[at])) {
    length = 1;
    return true;
  }
  if (text.substr(at, 2) == "\xC2\xA0") {
    length = 2;
    return true;
  }
  return false;
}

// Trims the leading (front=true) or trailing whitespace of the first/last text in inlines,
// descending into elements; drops nodes left empty. Returns true once visible content is met.
bool trim_edge(Inlines& inlines, bool front) {
  while (!inlines.empty()) {
    Inline& edge = front ? inlines.front() : inlines.back();
    bool done = false;
    bool remove = false;
    if (auto* text = std::get_if<book::Text>(&edge.node)) {
      std::string& value = text->text;
      if (front) {
        std::size_t start = 0, length = 0;
        while (start < value.size() && is_trimmable_space(value, start, length)) start += length;
        value.erase(0, start);
      } else {
        while (!value.empty()) {
          if (text::is_html_space(value.back())) {
            value.pop_back();
          } else if (value.size() >= 2 && value.compare(value.size() - 2, 2, "\xC2\xA0") == 0) {
            value.resize(value.size() - 2);
          } else {
            break;
          }
        }
      }
      remove = value.empty();
      done = !remove;
    } else if (std::holds_alternative<book::LineBreak>(edge.node)) {
      remove = true;
    } else if (std::holds_alternative<book::Anchor>(edge.node)) {
      return false;  // keep anchors; whitespace beyond them is rare and harmless
    } else if (auto* styled = std::get_if<book::Styled>(&edge.node)) {
      done = trim_edge(styled->children, front);
      remove = styled->children.empty();
    } else if (auto* link = std::get_if<book::Link>(&edge.node)) {
      done = trim_edge(link->children, front);
      remove = link->children.empty();
    }
    if (remove) {
      if (front)
        inlines.erase(inlines.begin());
      else
        inlines.pop_back();
      continue;
    }
    return done;
  }
  return false;
}

void drop_empty_elements(Inlines& inlines) {
  std::erase_if(inlines, [](Inline& item) {
    if (auto* styled = std::get_if<book::Styled>(&item.node)) {
      drop_empty_elements(styled->children);
      return styled->children.empty();
    }
    if (auto* link = std::get_if<book::Link>(&item.node)) {
      drop_empty_elements(link->children);
      return link->children.empty();
    }
    if (auto* text = std::get_if<book::Text>(&item.node)) return text->text.empty();
    return false;
  });
}

// "word <br/> word": the spaces around a line break are not part of the text.
void trim_around_breaks(Inlines& inlines) {
  for (std::size_t i = 0; i < inlines.size(); ++i) {
    if (!std::holds_alternative<book::LineBreak>(inlines[i].node)) continue;
    if (i > 0)
      if (auto* before = std::get_if<book::Text>(&inlines[i - 1].node))
        while (!before->text.empty() && before->text.back() == ' ') before->text.pop_back();
    if (i + 1 < inlines.size())
      if (auto* after = std::get_if<book::Text>(&inlines[i + 1].node)) {
        const std::size_t first = after->text.find_first_not_of(' ');
        after->text.erase(0, first == std::string::npos ? after->text.size() : first);
      }
  }
}

}  // namespace

void trim_inlines(Inlines& inlines) {
  trim_around_breaks(inlines);
  drop_empty_elements(inlines);
  trim_edge(inlines, true);
  trim_edge(inlines, false);
}

bool has_visible_text(const Inlines& inlines) {
  for (const Inline& item : inlines) {
    if (const auto* text = std::get_if<book::Text>(&item.node)) {
      if (!text::is_blank(text->text)) return true;
    } else if (const auto* styled = std::get_if<book::Styled>(&item.node)) {
      if (has_visible_text(styled->children)) return true;
    } else if (const auto* link = std::get_if<book::Link>(&item.node)) {
      if (has_visible_text(link->children)) return true;
    }
  }
  return false;
}

Inlines& InlineRun::current() {
  return frames_.empty() ? root_ : frames_.back().children;
}

void InlineRun::push_style(book::Style style) {
  Frame frame;
  frame.style = style;
  frames_.push_back(std::move(frame));
}

void InlineRun::push_link(book::LinkTarget target) {
  Frame frame;
  frame.is_link = true;
  frame.target = std::move(target);
  frames_.push_back(std::move(frame));
}

void InlineRun::pop() {
  if (frames_.empty()) return;
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  if (frame.children.empty()) return;
  Inline node;
  if (frame.is_link)
    node.node = book::Link{std::move(frame.target), std::move(frame.children)};
  else
    node.node = book::Styled{frame.style, std::move(frame.children)};
  current().push_back(std::move(node));
}

void InlineRun::verbatim(std::string_view value) {
  if (value.empty()) return;
  Inlines& target = current();
  if (!target.empty())
    if (auto* previous = std::get_if<book::Text>(&target.back().node)) {
      previous->text += value;
      last_was_space_ = text::is_html_space(value.back());
      if (!text::is_blank(value)) visible_ = true;
      return;
    }
  target.push_back(Inline{book::Text{std::string(value)}});
  last_was_space_ = text::is_html_space(value.back());
  if (!text::is_blank(value)) visible_ = true;
}

void InlineRun::text(std::string_view html_text) {
  std::string collapsed = text::collapse_whitespace(html_text);
  if (last_was_space_ && !collapsed.empty() && collapsed.front() == ' ') collapsed.erase(0, 1);
  verbatim(collapsed);
}

void InlineRun::line_break() {
  current().push_back(Inline{book::LineBreak{}});
  last_was_space_ = true;
}

void InlineRun::anchor(std::string id) {
  current().push_back(Inline{book::Anchor{std::move(id)}});
}

book::Inlines InlineRun::take() {
  // Close the open elements from the innermost out, keeping their (now empty) frames open.
  for (std::size_t i = frames_.size(); i > 0; --i) {
    Frame& frame = frames_[i - 1];
    if (frame.children.empty()) continue;
    Inline node;
    if (frame.is_link)
      node.node = book::Link{frame.target, std::move(frame.children)};
    else
      node.node = book::Styled{frame.style, std::move(frame.children)};
    frame.children.clear();
    (i >= 2 ? frames_[i - 2].children : root_).push_back(std::move(node));
  }
  Inlines out = std::move(root_);
  root_.clear();
  last_was_space_ = true;
  visible_ = false;
  trim_inlines(out);
  return out;
}

InlineRun InlineRun::clone_open_elements() const {
  InlineRun copy;
  for (const Frame& frame : frames_) {
    Frame empty;
    empty.is_link = frame.is_link;
    empty.style = frame.style;
    empty.target = frame.target;
    copy.frames_.push_back(std::move(empty));
  }
  return copy;
}

}  // namespace pb::transform
