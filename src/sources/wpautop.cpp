#include "sources/wpautop.h"

#include <algorithm>
#include <array>
#include <vector>

#include "common/text.h"

namespace pb::sources {

namespace {

// The block elements of WordPress's wpautop ($allblocks), plus main.
constexpr std::array<std::string_view, 47> kBlocks = {
    "address", "area", "article", "aside",    "blockquote", "caption", "col",     "colgroup", "dd",      "details",
    "div",     "dl",   "dt",      "fieldset", "figcaption", "figure",  "footer",  "form",     "h1",      "h2",
    "h3",      "h4",   "h5",      "h6",       "header",     "hgroup",  "hr",      "legend",   "li",      "main",
    "map",     "menu", "nav",     "ol",       "p",          "pre",     "section", "style",    "summary", "table",
    "tbody",   "td",   "tfoot",   "th",       "thead",      "tr",      "ul"};
// Blocks that are also void elements.
constexpr std::array<std::string_view, 3> kVoidBlocks = {"area", "col", "hr"};
// Elements whose content is copied as it is.
constexpr std::array<std::string_view, 6> kRawElements = {"math", "pre", "script", "style", "svg", "textarea"};
// Inline elements inside which newlines are layout, not line breaks.
constexpr std::array<std::string_view, 5> kNoBreakElements = {"audio", "object", "picture", "select", "video"};
// Blocks that hold only phrasing content.
constexpr std::array<std::string_view, 13> kPhrasingBlocks = {
    "address", "caption", "dt", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "p", "summary"};
// Blocks whose direct content is other elements, never text.
constexpr std::array<std::string_view, 12> kStructuralBlocks = {"colgroup", "dl",    "hgroup", "map",   "menu", "ol",
                                                                "table",    "tbody", "tfoot",  "thead", "tr",   "ul"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_name_char(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}
bool is_space(char c) {
  return text::is_html_space(c) || c == '\v';
}

enum class Kind { Text, Tag, Comment, BlockComment, Raw };

struct Token {
  Kind kind = Kind::Text;
  std::string_view text;
  std::string name;  // lower case, for tags and raw elements
  bool closing = false;
  bool self_closing = false;

  bool is_block() const { return (kind == Kind::Tag || kind == Kind::Raw) && contains(kBlocks, name); }
  bool is_br() const { return kind == Kind::Tag && name == "br"; }
};

bool is_block_comment(std::string_view comment) {
  std::string_view body = comment.substr(4);
  while (!body.empty() && is_space(body.front())) body.remove_prefix(1);
  return body.starts_with("wp:") || body.starts_with("/wp:");
}

// The end of a tag starting at text[start] ('<'), after its '>'; npos when it never ends.
// Quotes count only around attribute values, so an apostrophe in an unquoted value is harmless.
std::size_t tag_end(std::string_view text, std::size_t start) {
  std::size_t pos = start + 1;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '>') return pos + 1;
    if (c == '=') {
      ++pos;
      while (pos < text.size() && is_space(text[pos])) ++pos;
      if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
        const std::size_t close = text.find(text[pos], pos + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        pos = close + 1;
      }
      continue;
    }
    ++pos;
  }
  return std::string_view::npos;
}

std::vector<Token> tokenize(std::string_view text) {
  const std::string lower = text::ascii_lower(text);
  std::vector<Token> tokens;
  std::size_t text_start = 0;
  std::size_t pos = 0;
  const auto flush_text = [&](std::size_t end) {
    if (end > text_start)
      tokens.push_back(Token{Kind::Text, text.substr(text_start, end - text_start), {}, false, false});
  };
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    const std::size_t start = pos;
    if (text.substr(start).starts_with("<!--")) {
      const std::size_t close = text.find("-->", start + 4);
      const std::size_t end = close == std::string_view::npos ? text.size() : close + 3;
      flush_text(start);
      const std::string_view comment = text.substr(start, end - start);
      tokens.push_back(
          Token{is_block_comment(comment) ? Kind::BlockComment : Kind::Comment, comment, {}, false, false});
      pos = text_start = end;
      continue;
    }
    if (start + 1 < text.size() && (text[start + 1] == '!' || text[start + 1] == '?')) {  // doctype, CDATA, PI
      const std::size_t close = text.find('>', start);
      const std::size_t end = close == std::string_view::npos ? text.size() : close + 1;
      flush_text(start);
      tokens.push_back(Token{Kind::Comment, text.substr(start, end - start), {}, false, false});
      pos = text_start = end;
      continue;
    }
    const bool closing = start + 1 < text.size() && text[start + 1] == '/';
    const std::size_t name_start = start + 1 + (closing ? 1 : 0);
    if (name_start >= text.size() || !is_alpha(text[name_start])) {
      ++pos;  // a literal '<'
      continue;
    }
    std::size_t name_end = name_start;
    while (name_end < text.size() && is_name_char(text[name_end])) ++name_end;
    const std::size_t end = tag_end(text, name_end - 1);
    if (end == std::string_view::npos) {
      ++pos;
      continue;
    }
    flush_text(start);
    Token tag{Kind::Tag, text.substr(start, end - start), lower.substr(name_start, name_end - name_start), closing,
              end >= 2 && text[end - 2] == '/'};
    if (!closing && !tag.self_closing && contains(kRawElements, tag.name)) {
      const std::size_t close = lower.find("</" + tag.name, end);
      const std::size_t close_end = close == std::string::npos ? std::string::npos : lower.find('>', close);
      const std::size_t raw_end = close_end == std::string::npos ? text.size() : close_end + 1;
      tag.kind = Kind::Raw;
      tag.text = text.substr(start, raw_end - start);
      tokens.push_back(std::move(tag));
      pos = text_start = raw_end;
      continue;
    }
    tokens.push_back(std::move(tag));
    pos = text_start = end;
  }
  flush_text(text.size());
  return tokens;
}

enum class Policy { Always, IfSeveral, Phrasing, Structural };

Policy policy_for(const std::vector<std::string>& open_blocks) {
  if (open_blocks.empty()) return Policy::Always;
  const std::string& container = open_blocks.back();
  if (container == "blockquote") return Policy::Always;
  if (contains(kPhrasingBlocks, container)) return Policy::Phrasing;
  if (contains(kStructuralBlocks, container)) return Policy::Structural;
  return Policy::IfSeveral;
}

struct Piece {
  Kind kind = Kind::Text;
  std::string_view text;
  const Token* token = nullptr;
};
using Chunk = std::vector<Piece>;

// The end of a blank line (two newlines with only spaces between) starting at a newline at
// text[at], after its last newline; npos when the newline at text[at] does not start one.
std::size_t blank_line_end(std::string_view text, std::size_t at) {
  std::size_t pos = at + 1;
  std::size_t last_newline = std::string_view::npos;
  while (pos < text.size() && is_space(text[pos])) {
    if (text[pos] == '\n') last_newline = pos;
    ++pos;
  }
  return last_newline == std::string_view::npos ? std::string_view::npos : last_newline + 1;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return is_space(c); });
}

// Splits an inline run into paragraphs at blank lines and at two or more <br>s in a row.
std::vector<Chunk> split_paragraphs(const std::vector<const Token*>& run) {
  std::vector<Chunk> chunks(1);
  for (std::size_t i = 0; i < run.size(); ++i) {
    const Token& token = *run[i];
    if (token.kind == Kind::Text) {
      std::string_view rest = token.text;
      std::size_t pos = 0;
      while ((pos = rest.find('\n', pos)) != std::string_view::npos) {
        const std::size_t end = blank_line_end(rest, pos);
        if (end == std::string_view::npos) {
          ++pos;
          continue;
        }
        chunks.back().push_back(Piece{Kind::Text, rest.substr(0, pos), nullptr});
        chunks.emplace_back();
        rest.remove_prefix(end);
        pos = 0;
      }
      chunks.back().push_back(Piece{Kind::Text, rest, nullptr});
      continue;
    }
    if (token.is_br()) {
      std::size_t next = i + 1;
      std::size_t last_br = i;
      while (next < run.size() &&
             (run[next]->is_br() || (run[next]->kind == Kind::Text && is_blank(run[next]->text)))) {
        if (run[next]->is_br()) last_br = next;
        ++next;
      }
      if (last_br > i) {
        chunks.emplace_back();
        i = last_br;
        continue;
      }
    }
    chunks.back().push_back(Piece{token.kind, token.text, &token});
  }
  return chunks;
}

// Removes whitespace at both ends of a chunk.
void trim(Chunk& chunk) {
  while (!chunk.empty() && chunk.front().kind == Kind::Text) {
    std::string_view& text = chunk.front().text;
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    if (!text.empty()) break;
    chunk.erase(chunk.begin());
  }
  while (!chunk.empty() && chunk.back().kind == Kind::Text) {
    std::string_view& text = chunk.back().text;
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    if (!text.empty()) break;
    chunk.pop_back();
  }
}

// Something a reader sees: text, an element, a script. Comments alone are not a paragraph.
bool is_visible(const Chunk& chunk) {
  return std::any_of(chunk.begin(), chunk.end(), [](const Piece& piece) {
    return piece.kind == Kind::Tag || piece.kind == Kind::Raw || (piece.kind == Kind::Text && !is_blank(piece.text));
  });
}

// The chunk with its newlines turned into <br /> (unless one is already there).
std::string render(const Chunk& chunk, bool line_breaks) {
  std::string out;
  bool after_br = false;
  int no_break_depth = 0;
  for (const Piece& piece : chunk) {
    if (piece.kind != Kind::Text) {
      out += piece.text;
      if (piece.kind == Kind::Raw) after_br = false;
      if (piece.kind != Kind::Tag) continue;
      after_br = piece.token->is_br();
      if (contains(kNoBreakElements, piece.token->name) && !piece.token->self_closing)
        no_break_depth = std::max(0, no_break_depth + (piece.token->closing ? -1 : 1));
      continue;
    }
    if (!line_breaks || no_break_depth > 0) {
      out += piece.text;
      if (!is_blank(piece.text)) after_br = false;
      continue;
    }
    for (const char c : piece.text) {
      if (c != '\n') {
        out += c;
        if (!is_space(c)) after_br = false;
        continue;
      }
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      if (!after_br) out += "<br />";
      out += '\n';
      after_br = true;
    }
  }
  return out;
}

void flush_run(const std::vector<const Token*>& run, Policy policy, std::string& out) {
  if (run.empty()) return;
  std::vector<Chunk> chunks = split_paragraphs(run);
  for (Chunk& chunk : chunks) trim(chunk);
  const auto visible_count = std::count_if(chunks.begin(), chunks.end(), is_visible);
  const bool wrap = policy == Policy::Always || (policy == Policy::IfSeveral && visible_count > 1);
  bool first = true;
  for (const Chunk& chunk : chunks) {
    if (chunk.empty()) continue;
    if (!is_visible(chunk)) {  // comments only
      out += render(chunk, false);
      if (wrap) out += '\n';
      continue;
    }
    if (policy == Policy::Structural) {
      out += render(chunk, false);
    } else if (wrap) {
      out += "<p>" + render(chunk, true) + "</p>\n";
    } else {
      if (!first) out += "<br />\n";
      out += render(chunk, true);
      first = false;
    }
  }
}

void ensure_newline(std::string& out) {
  if (!out.empty() && out.back() != '\n') out += '\n';
}

// Keeps the stack of open blocks as HTML would: a block closes an open <p>, a list item or
// table cell closes its open sibling.
void open_block(std::vector<std::string>& open_blocks, const std::string& name) {
  if (!open_blocks.empty() && open_blocks.back() == "p") open_blocks.pop_back();
  const auto close_sibling = [&](std::initializer_list<std::string_view> siblings) {
    while (!open_blocks.empty() && std::find(siblings.begin(), siblings.end(), open_blocks.back()) != siblings.end())
      open_blocks.pop_back();
  };
  if (name == "li") close_sibling({"li"});
  if (name == "dt" || name == "dd") close_sibling({"dt", "dd"});
  if (name == "td" || name == "th") close_sibling({"td", "th"});
  if (name == "tr") close_sibling({"td", "th", "tr"});
  open_blocks.push_back(name);
}

void close_block(std::vector<std::string>& open_blocks, const std::string& name) {
  const auto match = std::find(open_blocks.rbegin(), open_blocks.rend(), name);
  if (match != open_blocks.rend()) open_blocks.erase(std::prev(match.base()), open_blocks.end());
}

}  // namespace

bool has_blocks(std::string_view content) {
  for (std::size_t pos = content.find("<!--"); pos != std::string_view::npos; pos = content.find("<!--", pos + 4))
    if (is_block_comment(content.substr(pos))) return true;
  return false;
}

std::string wpautop(std::string_view content) {
  if (is_blank(content)) return {};
  const std::string normalized = text::replace_all(text::replace_all(content, "\r\n", "\n"), "\r", "\n");
  const std::vector<Token> tokens = tokenize(normalized);

  std::string out;
  out.reserve(normalized.size() + normalized.size() / 8);
  std::vector<std::string> open_blocks;
  std::vector<const Token*> run;
  for (const Token& token : tokens) {
    const bool boundary = token.kind == Kind::BlockComment || token.is_block();
    if (!boundary) {
      run.push_back(&token);
      continue;
    }
    flush_run(run, policy_for(open_blocks), out);
    run.clear();
    if (token.kind == Kind::BlockComment) {
      ensure_newline(out);
      out += token.text;
      out += '\n';
    } else if (token.kind == Kind::Raw) {
      if (!open_blocks.empty() && open_blocks.back() == "p") open_blocks.pop_back();
      out += token.text;
      out += '\n';
    } else if (token.closing) {
      close_block(open_blocks, token.name);
      out += token.text;
      out += '\n';
    } else if (token.self_closing || contains(kVoidBlocks, token.name)) {
      out += token.text;
      out += '\n';
    } else {
      open_block(open_blocks, token.name);
      out += token.text;
    }
  }
  flush_run(run, policy_for(open_blocks), out);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace pb::sources
