#include "pdf/pdf_test_support.h"

#include <stdlib.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <stdexcept>

#include "collect/series_collector.h"
#include "common/utf8.h"
#include "image/image_embedder.h"
#include "pdf/fonts.h"
#include "pdf/hyphenator.h"
#include "pdf/presets.h"
#include "sources/post_files.h"
#include "transform/book_assembler.h"

namespace pb::pdf::test {

Scratch::Scratch() {
  std::string pattern = (fs::temp_directory_path() / "pb-pdf-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

Scratch::~Scratch() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

fs::path examples_dir() {
  return fs::path(POSTBINDER_SOURCE_DIR) / "examples";
}

fs::path seed_post() {
  const fs::path seed = fs::path(POSTBINDER_SHARED_DIR) / "corpus/seed/what-am-i-missing-part-2.json";
  return fs::exists(seed) ? seed : fs::path();
}

namespace {

book::Book bind(const std::vector<sources::Post>& posts, Diagnostics& diagnostics) {
  const collect::Collection collection = collect::collect_series(posts);
  transform::BookRequest request;
  if (collection.series.size() == 1 && collection.standalone.empty()) {
    for (const collect::SeriesPart& part : collection.series.front().parts) {
      request.posts.push_back(&posts[part.post]);
      request.parts.push_back(part.number);
    }
    request.title = collection.series.front().title;
    request.series = request.title;
  } else {
    for (const sources::Post& post : posts) {
      request.posts.push_back(&post);
      request.parts.push_back(0);
    }
    request.title = posts.size() == 1 ? posts.front().title : "Collected posts";
  }
  return transform::assemble_book(request, diagnostics);
}

}  // namespace

book::Book book_from_posts(const std::vector<std::string>& inputs, const fs::path& work_dir, Diagnostics& diagnostics) {
  const std::vector<sources::Post> posts = sources::load_post_files(inputs, diagnostics);
  book::Book book = bind(posts, diagnostics);
  image::EmbedOptions options;
  options.work_dir = work_dir;
  image::embed_images(book, options, diagnostics);
  return book;
}

book::Book synthetic_book(int chapters, int words, Diagnostics& diagnostics, unsigned seed, bool tables) {
  static const std::vector<std::string> vocabulary = {"soil",
                                                      "compost",
                                                      "garden",
                                                      "structure",
                                                      "the",
                                                      "of",
                                                      "and",
                                                      "water",
                                                      "roots",
                                                      "organic",
                                                      "matter",
                                                      "microbial",
                                                      "life",
                                                      "nitrogen",
                                                      "a",
                                                      "is",
                                                      "in",
                                                      "to",
                                                      "that",
                                                      "with",
                                                      "carbon",
                                                      "earthworms",
                                                      "mulch",
                                                      "seasonal",
                                                      "decomposition",
                                                      "fungal",
                                                      "networks",
                                                      "through",
                                                      "beds",
                                                      "clay",
                                                      "sandy",
                                                      "loam",
                                                      "particles",
                                                      "aggregate",
                                                      "stability",
                                                      "moisture",
                                                      "retention",
                                                      "cover",
                                                      "crops",
                                                      "legumes",
                                                      "fixing",
                                                      "phosphorus",
                                                      "availability",
                                                      "temperature",
                                                      "gardeners",
                                                      "observation",
                                                      "careful",
                                                      "patience",
                                                      "spring",
                                                      "autumn",
                                                      "winter",
                                                      "harvest",
                                                      "vegetables",
                                                      "perennial",
                                                      "drainage",
                                                      "infiltration",
                                                      "understanding",
                                                      "characteristics",
                                                      "responsibility",
                                                      "interdependence",
                                                      "photosynthesis",
                                                      "affordable",
                                                      "efficient",
                                                      "official",
                                                      "office",
                                                      "flower",
                                                      "AVATAR",
                                                      "Wave"};
  std::mt19937 random(seed);
  const auto word = [&] { return vocabulary[random() % vocabulary.size()]; };
  const auto sentence = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      std::string w = word();
      if (i == 0 && !w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      s += (i ? " " : "") + w;
    }
    return s + ".";
  };
  std::vector<sources::Post> posts;
  for (int c = 0; c < chapters; ++c) {
    sources::Post post;
    post.id = 1000 + c;
    post.title = "Notes on the garden, number " + std::to_string(c + 1);
    post.slug = "notes-" + std::to_string(c + 1);
    post.link = "https://garden.example.org/2024/notes-" + std::to_string(c + 1) + "/";
    post.date = "2024-03-" + std::string(c % 28 + 1 < 10 ? "0" : "") + std::to_string(c % 28 + 1) + "T10:00:00";
    post.date_gmt = post.date;
    post.modified_gmt = post.date;
    post.status = "publish";
    post.author = "Maren Holt";
    post.origin = "synthetic";
    std::string html;
    int written = 0;
    int section = 0;
    while (written < words) {
      if (written > 0 && random() % 5 == 0) {
        html += "<h2>Section " + std::to_string(++section) + ": " + sentence(3) + "</h2>\n";
      }
      const int kind = static_cast<int>(random() % 12);
      if (kind == 0) {
        html += "<ul>";
        for (int i = 0; i < 3; ++i) html += "<li>" + sentence(6 + static_cast<int>(random() % 8)) + "</li>";
        html += "</ul>\n";
        written += 30;
      } else if (kind == 1) {
        html += "<blockquote><p>" + sentence(25) + "</p></blockquote>\n";
        written += 25;
      } else if (kind == 2 && c % 3 == 0 && tables) {
        html += "<table><thead><tr><th>Soil</th><th>Texture</th><th>Notes</th></tr></thead><tbody>";
        for (int i = 0; i < 3; ++i)
          html += "<tr><td>" + word() + "</td><td>" + word() + "</td><td>" + sentence(8) + "</td></tr>";
        html += "</tbody></table>\n";
        written += 30;
      } else if (kind == 3 && c % 4 == 1) {
        html +=
            "<pre><code>for bed in garden.beds:\n    bed.add(compost, depth=5) # " + sentence(4) + "\n</code></pre>\n";
        written += 10;
      } else {
        const int n = 40 + static_cast<int>(random() % 90);
        std::string p = "<p>";
        for (int written_here = 0; written_here < n;) {
          const int len = 6 + static_cast<int>(random() % 14);
          std::string s = sentence(len);
          if (random() % 6 == 0) {
            const auto space = s.find(' ');
            if (space != std::string::npos) s = "<em>" + s.substr(0, space) + "</em>" + s.substr(space);
          }
          p += s + " ";
          written_here += len;
        }
        html += p + "</p>\n";
        written += n;
      }
    }
    post.content_html = html;
    posts.push_back(std::move(post));
  }
  transform::BookRequest request;
  for (const sources::Post& post : posts) {
    request.posts.push_back(&post);
    request.parts.push_back(0);
  }
  request.title = "A Long Garden Notebook";
  return transform::assemble_book(request, diagnostics);
}

namespace {

void inline_words(const book::Inlines& inlines, std::string& out) {
  out += " " + book::plain_text(inlines) + " ";
}

void block_words(const book::Blocks& blocks, std::string& out, bool tables, bool code) {
  for (const book::Block& block : blocks) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, book::Paragraph> || std::is_same_v<T, book::Heading>) {
            inline_words(node.content, out);
          } else if constexpr (std::is_same_v<T, book::List>) {
            for (const book::ListItem& item : node.items) block_words(item.blocks, out, tables, code);
          } else if constexpr (std::is_same_v<T, book::BlockQuote>) {
            block_words(node.blocks, out, tables, code);
            inline_words(node.citation, out);
          } else if constexpr (std::is_same_v<T, book::Figure>) {
            inline_words(node.caption, out);
          } else if constexpr (std::is_same_v<T, book::Table>) {
            if (!tables) return;
            inline_words(node.caption, out);
            for (const book::TableRow& row : node.rows)
              for (const book::TableCell& cell : row.cells) block_words(cell.blocks, out, tables, code);
          } else if constexpr (std::is_same_v<T, book::CodeBlock>) {
            if (code) out += " " + node.text + " ";
          }
        },
        block.node);
  }
}

}  // namespace

std::vector<std::string> book_words(const book::Book& book, bool tables, bool code) {
  std::string text;
  for (const book::Chapter& chapter : book.chapters) {
    text += " " + chapter.title + " ";
    block_words(chapter.blocks, text, tables, code);
  }
  return split_words(text);
}

std::string first_difference(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const std::size_t from = i > 40 ? i - 40 : 0;
  return "at " + std::to_string(i) + ": \"" + a.substr(from, 80) + "\" vs \"" + b.substr(from, 80) + "\"";
}

void record(const book::Book& book, const PdfOptions& options, Recorded& out, Diagnostics& diagnostics) {
  const PageSettings settings = settings_for(options);
  out.fonts = std::make_unique<FontSet>(diagnostics);
  if (settings.hyphenate) out.hyphenator = Hyphenator::for_language(book.language, diagnostics);
  out.layout = lay_out_document(book, settings, *out.fonts, out.hyphenator.get(), diagnostics);
  render(out.layout, out.device);
}

std::vector<std::string> drawn_words(const RecordingDevice& device) {
  std::string text;
  for (const RecordedPage& page : device.pages()) {
    for (const PageOp& op : page.ops) {
      const auto* run = std::get_if<GlyphRun>(&op.op);
      if (!run) continue;
      if (run->hyphen) {
        text += "\x01";  // joins with the next word
        continue;
      }
      text += run->text;
      text += ' ';
    }
  }
  // Hyphenated line ends: "hyphen" "-" "ation" -> "hyphenation".
  std::string joined;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x01') {
      while (!joined.empty() && joined.back() == ' ') joined.pop_back();
      while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
      continue;
    }
    joined += text[i];
  }
  return split_words(joined);
}

CommandOutput run_command(const std::string& command) {
  CommandOutput result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool have_tool(const std::string& name) {
  return run_command("command -v " + name).status == 0;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = utf8::decode(text, pos).value_or(' ');
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x2028 ||
                       c == 0x202F || c == 0x2009;
    if (space) {
      if (!current.empty()) words.push_back(current);
      current.clear();
    } else {
      current.append(text, start, pos - start);
    }
  }
  if (!current.empty()) words.push_back(current);
  return words;
}

std::string normalise_word(const std::string& word) {
  std::string out;
  std::size_t pos = 0;
  while (pos < word.size()) {
    const std::size_t start = pos;
    const char32_t c = utf8::decode(word, pos).value_or(0xFFFD);
    if (c < 0x80) {
      const unsigned char ch = static_cast<unsigned char>(c);
      if (std::isalnum(ch)) out += static_cast<char>(std::tolower(ch));
      continue;
    }
    // Typographic punctuation is dropped too; letters outside ASCII are kept as they are.
    if ((c >= 0x2010 && c <= 0x206F) || c == 0xAB || c == 0xBB || c == 0xB7 || c == 0xFFFD) continue;
    // Ligatures extract as their letters.
    if (c == 0xFB00) {
      out += "ff";
      continue;
    }
    if (c == 0xFB01) {
      out += "fi";
      continue;
    }
    if (c == 0xFB02) {
      out += "fl";
      continue;
    }
    if (c == 0xFB03) {
      out += "ffi";
      continue;
    }
    if (c == 0xFB04) {
      out += "ffl";
      continue;
    }
    out.append(word, start, pos - start);
  }
  return out;
}

std::vector<std::string> normalise_words(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& word : words) {
    std::string n = normalise_word(word);
    if (!n.empty()) out.push_back(std::move(n));
  }
  return out;
}

}  // namespace pb::pdf::test
