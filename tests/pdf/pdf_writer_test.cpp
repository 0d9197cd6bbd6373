// End to end: real PDFs from the examples, the seed post and a long generated book, checked
// with the tools readers and printers use (qpdf, pdffonts, pdfinfo, pdftotext).
#include "pdf/pdf_writer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "common/error.h"
#include "pdf/pdf_test_support.h"
#include "pdf/presets.h"

namespace pb::pdf::test {
namespace {

std::string letter_stream(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : normalise_words(words)) out += word;
  return out;
}

// True when every character of `needle` appears in `haystack` in order.
bool is_subsequence(const std::string& needle, const std::string& haystack, std::size_t* stuck = nullptr) {
  std::size_t j = 0;
  for (std::size_t i = 0; i < needle.size(); ++i) {
    while (j < haystack.size() && haystack[j] != needle[i]) ++j;
    if (j == haystack.size()) {
      if (stuck) *stuck = i;
      return false;
    }
    ++j;
  }
  return true;
}

struct PdfFacts {
  int pages = 0;
  double width = 0, height = 0;
  bool tagged = false;
  std::string info;
};

PdfFacts pdfinfo(const fs::path& file) {
  const CommandOutput out = run_command("pdfinfo '" + file.string() + "'");
  PdfFacts facts;
  facts.info = out.out;
  std::smatch m;
  if (std::regex_search(out.out, m, std::regex("Pages:\\s+(\\d+)"))) facts.pages = std::stoi(m[1]);
  if (std::regex_search(out.out, m, std::regex("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"))) {
    facts.width = std::stod(m[1]);
    facts.height = std::stod(m[2]);
  }
  facts.tagged = out.out.find("Tagged:          yes") != std::string::npos;
  return facts;
}

class PdfWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    diagnostics.set_quiet(true);
    for (const char* tool : {"qpdf", "pdffonts", "pdfinfo", "pdftotext"})
      if (!have_tool(tool)) GTEST_SKIP() << tool << " is not installed (apt-get install qpdf poppler-utils)";
  }

  // Writes the book and returns the seconds it took.
  double write(const book::Book& book, const PdfOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    write_pdf(book, options, diagnostics);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  // qpdf finds nothing wrong, every font is embedded, subset and mapped to Unicode, the file is
  // tagged and has the preset's page size.
  void check_file(const fs::path& file, double width, double height) {
    const CommandOutput qpdf = run_command("qpdf --check '" + file.string() + "'");
    EXPECT_EQ(qpdf.status, 0) << qpdf.out;
    EXPECT_NE(qpdf.out.find("No syntax or stream encoding errors found"), std::string::npos) << qpdf.out;
    EXPECT_EQ(qpdf.out.find("WARNING"), std::string::npos) << qpdf.out;

    const CommandOutput fonts = run_command("pdffonts '" + file.string() + "'");
    ASSERT_EQ(fonts.status, 0) << fonts.out;
    const std::vector<std::string> lines = [&] {
      std::vector<std::string> out;
      std::size_t start = 0;
      while (start < fonts.out.size()) {
        const std::size_t end = fonts.out.find('\n', start);
        out.push_back(fonts.out.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
      }
      return out;
    }();
    int rows = 0;
    for (std::size_t i = 2; i < lines.size(); ++i) {
      if (lines[i].empty()) continue;
      ++rows;
      EXPECT_TRUE(std::regex_search(lines[i], std::regex("^[A-Z]{6}\\+"))) << lines[i];
      EXPECT_TRUE(std::regex_search(lines[i], std::regex("CID TrueType\\s+Identity-H\\s+yes yes yes"))) << lines[i];
    }
    EXPECT_GE(rows, 2) << fonts.out;

    const PdfFacts facts = pdfinfo(file);
    EXPECT_TRUE(facts.tagged) << facts.info;
    EXPECT_NEAR(facts.width, width, 0.01) << facts.info;
    EXPECT_NEAR(facts.height, height, 0.01) << facts.info;
    EXPECT_NE(facts.info.find("Metadata Stream: yes"), std::string::npos) << facts.info;
    EXPECT_NE(facts.info.find("Creator:         postbinder"), std::string::npos) << facts.info;
  }

  // The text of the body pages inside the text block (running heads and folios left out).
  std::string body_text(const fs::path& file, const PageSettings& s, int first_page, int last_page) {
    char crop[160];
    std::snprintf(crop, sizeof crop, "-x 0 -y %d -W %d -H %d", static_cast<int>(s.top) - 1,
                  static_cast<int>(s.width) + 1, static_cast<int>(s.text_height()) + 2);
    const CommandOutput out = run_command("pdftotext -enc UTF-8 -f " + std::to_string(first_page) + " -l " +
                                          std::to_string(last_page) + " " + crop + " '" + file.string() + "' -");
    EXPECT_EQ(out.status, 0) << out.out;
    return out.out;
  }

  nlohmann::json qpdf_json(const fs::path& file, const std::string& keys) {
    const CommandOutput out = run_command("qpdf --json=2 " + keys + " '" + file.string() + "'");
    EXPECT_EQ(out.status, 0);
    return nlohmann::json::parse(out.out, nullptr, false);
  }

  // Every link annotation leads to a page of the document or to a URI.
  void check_links(const fs::path& file, std::size_t* internal_links = nullptr) {
    const nlohmann::json json = qpdf_json(file, "--json-key=pages --json-key=qpdf");
    ASSERT_FALSE(json.is_discarded());
    std::set<std::string> pages;
    for (const auto& page : json["pages"]) pages.insert(page["object"].get<std::string>());
    std::size_t internal = 0, external = 0;
    for (const auto& [key, object] : json["qpdf"][1].items()) {
      if (!object.contains("value") || !object["value"].is_object()) continue;
      const auto& value = object["value"];
      if (value.value("/Subtype", "") != "/Link") continue;
      EXPECT_FALSE(value.contains("/M")) << key << ": annotation dates break reproducibility";
      ASSERT_TRUE(value.contains("/Border")) << key;
      ASSERT_TRUE(value.contains("/A")) << key;
      const auto& action = value["/A"];
      if (action["/S"] == "/GoTo") {
        ++internal;
        EXPECT_TRUE(pages.count(action["/D"][0].get<std::string>())) << key << " leads nowhere";
      } else {
        ++external;
        EXPECT_EQ(action["/S"], "/URI") << key;
        EXPECT_TRUE(action.contains("/URI")) << key;
      }
    }
    EXPECT_GT(internal + external, 0u);
    if (internal_links) *internal_links = internal;
  }

  Diagnostics diagnostics;
};

TEST_F(PdfWriterTest, ExampleSeriesInEveryPreset) {
  Scratch scratch;
  const book::Book book = book_from_posts({(examples_dir() / "garden-soil").string()}, scratch.path(), diagnostics);
  ASSERT_EQ(book.chapters.size(), 3u);
  // pdftotext reads wrapped table cells and column-aligned code across the columns; the layout
  // tests check that those are drawn.
  const std::string expected = letter_stream(book_words(book, false, false));
  const std::string everything = letter_stream(book_words(book));
  for (Preset preset : {Preset::Book, Preset::Ereader, Preset::Handout}) {
    PdfOptions options;
    options.preset = preset;
    options.retrieved_date = "2024-05-01";
    options.output = scratch / ("garden-" + std::to_string(static_cast<int>(preset)) + ".pdf");
    const double seconds = write(book, options);
    const PageSettings settings = settings_for(options);
    SCOPED_TRACE(options.output.string());
    check_file(options.output, settings.width, settings.height);
    const PdfFacts facts = pdfinfo(options.output);
    std::printf("[ timing   ] garden-soil %s: %d pages in %.3f s\n",
                preset == Preset::Book      ? "book"
                : preset == Preset::Ereader ? "ereader"
                                            : "handout",
                facts.pages, seconds);
    // Every word of the posts, in order; the extra text is bylines, URLs and image placeholders.
    const int front = preset == Preset::Book ? 4 : preset == Preset::Ereader ? 2 : 1;
    const std::string drawn = letter_stream(split_words(body_text(options.output, settings, front + 1, facts.pages)));
    std::size_t stuck = 0;
    EXPECT_TRUE(is_subsequence(expected, drawn, &stuck)) << "missing near: " << expected.substr(stuck, 80);
    EXPECT_LT(drawn.size(), everything.size() * 1.08) << "text drawn more than once?";
    // One outline entry per chapter, each pointing at a page.
    const nlohmann::json outline = qpdf_json(options.output, "--json-key=outlines");
    ASSERT_EQ(outline["outlines"].size(), 3u);
    for (const auto& entry : outline["outlines"]) EXPECT_GT(entry["destpageposfrom1"].get<int>(), front);
    std::size_t internal = 0;
    check_links(options.output, &internal);
    EXPECT_GE(internal, 3u) << "contents entries";
  }
}

TEST_F(PdfWriterTest, BookFrontMatterHasRomanLabelsAndChaptersStartOnOddPages) {
  Scratch scratch;
  const book::Book book = book_from_posts({(examples_dir() / "garden-soil").string()}, scratch.path(), diagnostics);
  PdfOptions options;
  options.output = scratch / "book.pdf";
  write(book, options);
  const nlohmann::json json = qpdf_json(options.output, "--json-key=pages --json-key=outlines");
  ASSERT_FALSE(json.is_discarded());
  EXPECT_EQ(json["pages"][0]["label"]["/S"], "/r");
  bool arabic = false;
  for (const auto& page : json["pages"])
    if (page.contains("label") && page["label"]["/S"] == "/D") arabic = true;
  EXPECT_TRUE(arabic);
  for (const auto& entry : json["outlines"]) EXPECT_EQ(entry["destpageposfrom1"].get<int>() % 2, 1);
  // Contents: dot leaders and the page number of each chapter.
  const CommandOutput contents = run_command("pdftotext -f 3 -l 3 -layout '" + options.output.string() + "' -");
  EXPECT_TRUE(std::regex_search(contents.out, std::regex("Reading What You[\\s\\S]*\\. \\. \\. .* 1\\b")))
      << contents.out;
  const CommandOutput info = run_command("pdfinfo '" + options.output.string() + "'");
  EXPECT_NE(info.out.find("Title:           Building Healthy Garden Soil"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Author:          Maren Holt"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Subject:         Building Healthy Garden Soil"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Keywords:"), std::string::npos) << info.out;
}

TEST_F(PdfWriterTest, SeedPostMakesAOneArticleHandout) {
  const fs::path seed = seed_post();
  if (seed.empty()) GTEST_SKIP() << "../shared/corpus/seed is not here";
  Scratch scratch;
  const book::Book book = book_from_posts({seed.string()}, scratch.path(), diagnostics);
  ASSERT_EQ(book.chapters.size(), 1u);
  PdfOptions options;
  options.preset = Preset::Handout;
  options.retrieved_date = "2024-05-01";
  options.output = scratch / "handout.pdf";
  const double seconds = write(book, options);
  check_file(options.output, 612, 792);
  const PdfFacts facts = pdfinfo(options.output);
  std::printf("[ timing   ] seed post handout: %d pages in %.3f s\n", facts.pages, seconds);
  EXPECT_GE(facts.pages, 1);
  EXPECT_LE(facts.pages, 6);
  const CommandOutput text = run_command("pdftotext -enc UTF-8 '" + options.output.string() + "' -");
  EXPECT_NE(text.out.find(book.chapters[0].title.substr(0, 20)), std::string::npos) << "the title opens page 1";
  EXPECT_NE(text.out.find("retrieved 2024-05-01, page 1 of " + std::to_string(facts.pages)), std::string::npos)
      << text.out.substr(0, 2000);
  const std::string expected = letter_stream(book_words(book, false, false));
  const std::string drawn = letter_stream(split_words(text.out));
  std::size_t stuck = 0;
  EXPECT_TRUE(is_subsequence(expected, drawn, &stuck)) << "missing near: " << expected.substr(stuck, 80);
  check_links(options.output);

  options.preset = Preset::Book;
  options.output = scratch / "seed-book.pdf";
  write(book, options);
  check_file(options.output, 419.528, 595.276);
}

TEST_F(PdfWriterTest, LongGeneratedBookIsCompleteAndValid) {
  book::Book book = synthetic_book(24, 2000, diagnostics, 7, false);
  for (book::Chapter& chapter : book.chapters) {
    chapter.author.clear();
    chapter.date.clear();
  }
  Scratch scratch;
  PdfOptions options;
  options.output = scratch / "long.pdf";
  const double seconds = write(book, options);
  const PdfFacts facts = pdfinfo(options.output);
  std::printf("[ timing   ] generated book: %d pages in %.3f s\n", facts.pages, seconds);
  EXPECT_GE(facts.pages, 200);
  check_file(options.output, 419.528, 595.276);
  const PageSettings settings = settings_for(options);
  // Front matter: title page, colophon, contents (3 pages for 40 entries at most) and a blank.
  const nlohmann::json json = qpdf_json(options.output, "--json-key=outlines");
  ASSERT_EQ(json["outlines"].size(), 24u);
  const int first_body = json["outlines"][0]["destpageposfrom1"].get<int>();
  const std::string expected = letter_stream(book_words(book));
  const std::string drawn = letter_stream(split_words(body_text(options.output, settings, first_body, facts.pages)));
  EXPECT_EQ(drawn.size(), expected.size());
  EXPECT_TRUE(drawn == expected) << "every word exactly once, in order " << first_difference(drawn, expected);
  std::size_t internal = 0;
  check_links(options.output, &internal);
  EXPECT_GE(internal, 24u);
}

TEST_F(PdfWriterTest, SameBookGivesTheSameBytes) {
  Scratch scratch;
  const book::Book book = book_from_posts({(examples_dir() / "garden-soil").string()}, scratch.path(), diagnostics);
  for (Preset preset : {Preset::Book, Preset::Handout}) {
    PdfOptions options;
    options.preset = preset;
    options.output = scratch / "a.pdf";
    write(book, options);
    options.output = scratch / "b.pdf";
    write(book, options);
    const std::string a = read_file(scratch / "a.pdf"), b = read_file(scratch / "b.pdf");
    EXPECT_GT(a.size(), 10000u);
    EXPECT_TRUE(a == b) << "the two runs differ";
  }
}

TEST_F(PdfWriterTest, FailedBuildLeavesThePreviousFile) {
  Scratch scratch;
  const fs::path output = scratch / "book.pdf";
  {
    std::FILE* file = std::fopen(output.c_str(), "wb");
    std::fputs("previous", file);
    std::fclose(file);
  }
  PdfOptions options;
  options.output = output;
  options.paper = "b5";
  const book::Book book = synthetic_book(1, 100, diagnostics);
  EXPECT_THROW(write_pdf(book, options, diagnostics), UsageError);
  EXPECT_EQ(read_file(output), "previous");
  options.paper = "";
  EXPECT_THROW(write_pdf(book::Book{}, options, diagnostics), BuildError);
  EXPECT_EQ(read_file(output), "previous");
  options.output = scratch / "missing-folder" / "book.pdf";
  EXPECT_THROW(write_pdf(book, options, diagnostics), BuildError);
  // And a successful build replaces it.
  options.output = output;
  write_pdf(book, options, diagnostics);
  EXPECT_EQ(read_file(output).substr(0, 5), "%PDF-");
}

}  // namespace
}  // namespace pb::pdf::test
