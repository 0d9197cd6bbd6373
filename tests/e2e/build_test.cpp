// `postbinder build`: what lands in the book, and that the same input gives the same bytes.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "e2e/support.h"

namespace pb::e2e {
namespace {

std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> found;
  const std::regex expression(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), expression); it != std::sregex_iterator(); ++it)
    found.push_back((*it)[1].str());
  return found;
}

fs::path build_examples(const ScratchDir& scratch, const std::vector<std::string>& extra = {},
                        const std::vector<std::string>& environment = {}) {
  const fs::path book = scratch / "garden.epub";
  std::vector<std::string> args = {"build", (examples_dir() / "garden-soil").string(), "-o", book.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  const CommandResult result = postbinder(args, environment);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return book;
}

// Three posts of one series and two of another, plus a standalone post, in one file.
fs::path write_two_series(const ScratchDir& scratch) {
  nlohmann::json posts = nlohmann::json::array();
  const auto add = [&](long id, const std::string& title, const std::string& slug, const std::string& date) {
    posts.push_back(
        wordpress_post(id, title, "<p>Text of " + title + ".</p>", "https://blog.example.org/" + slug + "/", date));
  };
  add(101, "Sourdough Basics, Part 2: Feeding", "sourdough-2", "2024-02-02T08:00:00");
  add(100, "Sourdough Basics, Part 1: Starter", "sourdough-1", "2024-02-01T08:00:00");
  add(102, "Sourdough Basics, Part 3: Baking", "sourdough-3", "2024-02-03T08:00:00");
  add(201, "Bicycle Repair (2 of 2)", "bike-2", "2024-01-11T08:00:00");
  add(200, "Bicycle Repair (1 of 2)", "bike-1", "2024-01-10T08:00:00");
  add(300, "Why I Write", "why-i-write", "2024-01-20T08:00:00");
  const fs::path file = scratch / "posts.json";
  write_file(file, posts.dump());
  return file;
}

std::vector<std::string> chapter_titles(const fs::path& book) {
  std::vector<std::string> titles;
  for (const ZipEntry& entry : read_zip(book))
    if (entry.name.starts_with("EPUB/chapter-")) {
      const auto found = matches(entry.content, "<h1 id=\"[^\"]*\">([^<]*)</h1>");
      titles.push_back(found.empty() ? "" : found.front());
    }
  return titles;
}

TEST(Build, ChaptersFollowThePartsInOrderWithThePostTitles) {
  ScratchDir scratch;
  const fs::path book = build_examples(scratch);
  EXPECT_EQ(chapter_titles(book),
            (std::vector<std::string>{"Building Healthy Garden Soil, Part 1: Reading What You Have",
                                      "Building Healthy Garden Soil – Part 2: Compost That Works",
                                      "Building Healthy Garden Soil, Part Three: Cover Crops and Rest"}));
  const std::string opf = zip_entry(book, "EPUB/content.opf");
  EXPECT_NE(opf.find("<dc:title>Building Healthy Garden Soil</dc:title>"), std::string::npos) << opf;
  EXPECT_EQ(matches(opf, "<itemref idref=\"([^\"]+)\""),
            (std::vector<std::string>{"cover", "title-page", "nav", "chapter-01", "chapter-02", "chapter-03"}));
  EXPECT_NE(opf.find("<dc:creator id=\"creator1\">Maren Holt</dc:creator>"), std::string::npos) << opf;
}

TEST(Build, SeriesMetadataIsWrittenInBothForms) {
  ScratchDir scratch;
  const std::string opf = zip_entry(build_examples(scratch), "EPUB/content.opf");
  EXPECT_NE(opf.find("<meta property=\"belongs-to-collection\" id=\"series\">Building Healthy Garden Soil</meta>"),
            std::string::npos)
      << opf;
  EXPECT_NE(opf.find("<meta refines=\"#series\" property=\"collection-type\">series</meta>"), std::string::npos);
  EXPECT_NE(opf.find("property=\"group-position\">1</meta>"), std::string::npos);
  EXPECT_NE(opf.find("<meta name=\"calibre:series\" content=\"Building Healthy Garden Soil\"/>"), std::string::npos);
  EXPECT_NE(opf.find("<meta name=\"calibre:series_index\" content=\"1\"/>"), std::string::npos);
}

TEST(Build, TheSameInputGivesTheSameBytesWhateverTheTimeZone) {
  ScratchDir first, second;
  const std::string a = read_file(build_examples(first, {}, {"TZ=UTC"}));
  const std::string b = read_file(build_examples(second, {}, {"TZ=America/New_York"}));
  ASSERT_FALSE(a.empty());
  EXPECT_TRUE(a == b) << "two builds differ";
  const std::string opf = zip_entry(first / "garden.epub", "EPUB/content.opf");
  EXPECT_EQ(matches(opf, "<dc:identifier id=\"bookid\">(urn:uuid:[0-9a-f-]{36})</dc:identifier>").size(), 1u) << opf;
  // The latest modified_gmt of the three posts.
  EXPECT_NE(opf.find("<meta property=\"dcterms:modified\">2024-04-03T"), std::string::npos) << opf;
}

TEST(Build, SourceDateEpochSetsTheModifiedDate) {
  ScratchDir scratch;
  const fs::path book = build_examples(scratch, {}, {"SOURCE_DATE_EPOCH=1700000000"});
  EXPECT_NE(zip_entry(book, "EPUB/content.opf").find("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"),
            std::string::npos);
}

TEST(Build, TheBookReferencesNothingOutsideItself) {
  ScratchDir scratch;
  const fs::path book = build_examples(scratch);
  std::set<std::string> names;
  const std::vector<ZipEntry> entries = read_zip(book);
  for (const ZipEntry& entry : entries) names.insert(entry.name);
  for (const ZipEntry& entry : entries) {
    if (!entry.name.ends_with(".xhtml")) continue;
    for (std::string_view forbidden : {"<script", "onclick", "<iframe", "fetchpriority", "&nbsp;", "data-contrast",
                                       "data-ccp-props", "javascript:", "style=\""})
      EXPECT_EQ(entry.content.find(forbidden), std::string::npos) << entry.name << " holds " << forbidden;
    for (const std::string& source : matches(entry.content, "<img[^>]* src=\"([^\"]+)\"")) {
      EXPECT_FALSE(source.starts_with("http")) << entry.name << ": " << source;
      EXPECT_TRUE(names.contains("EPUB/" + source)) << entry.name << ": " << source;
    }
  }
}

TEST(Build, TheYouTubeEmbedBecomesALinkAndTheScriptIsGone) {
  ScratchDir scratch;
  const fs::path book = build_examples(scratch);
  std::string all;
  for (const ZipEntry& entry : read_zip(book))
    if (entry.name.ends_with(".xhtml")) all += entry.content;
  EXPECT_NE(all.find("href=\"https://www.youtube.com/watch?v="), std::string::npos);
  EXPECT_NE(all.find("Video on YouTube"), std::string::npos);
}

TEST(Build, LinksBetweenPartsBecomeLinksBetweenChapters) {
  ScratchDir scratch;
  const fs::path book = build_examples(scratch);
  const std::string part3 = zip_entry(book, "EPUB/chapter-03.xhtml");
  EXPECT_NE(part3.find("href=\"chapter-01.xhtml#jar-test\""), std::string::npos) << part3;
  EXPECT_NE(part3.find("href=\"chapter-01.xhtml\""), std::string::npos) << part3;
  EXPECT_EQ(part3.find("href=\"https://gardenpath.example.org/2024/03/05/"), std::string::npos) << part3;
  EXPECT_NE(zip_entry(book, "EPUB/chapter-01.xhtml").find("id=\"jar-test\""), std::string::npos);
}

TEST(Build, TitleAuthorLanguageAndCssOptionsApply) {
  ScratchDir scratch;
  write_file(scratch / "mine.css", "body { color: #123456; }\n");
  const fs::path book = build_examples(scratch, {"--title", "Soil & Sense", "--author", "A. Reader", "--lang", "de",
                                                 "--css", (scratch / "mine.css").string()});
  const std::string opf = zip_entry(book, "EPUB/content.opf");
  EXPECT_NE(opf.find("<dc:title>Soil &amp; Sense</dc:title>"), std::string::npos) << opf;
  EXPECT_NE(opf.find(">A. Reader</dc:creator>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:language>de</dc:language>"), std::string::npos);
  EXPECT_EQ(zip_entry(book, "EPUB/style.css"), "body { color: #123456; }\n");
  EXPECT_NE(zip_entry(book, "EPUB/chapter-01.xhtml").find("lang=\"de\" xml:lang=\"de\""), std::string::npos);
}

TEST(Build, SeriesIsChosenByTitleOrSlugIgnoringCase) {
  ScratchDir scratch;
  const fs::path posts = write_two_series(scratch);
  for (std::string name : {"sourdough basics", "SOURDOUGH-BASICS", "Sourdough Basics"}) {
    const CommandResult result =
        postbinder({"build", posts.string(), "-o", (scratch / "bread.epub").string(), "--series", name});
    ASSERT_EQ(result.exit_code, 0) << name << ": " << result.err;
    EXPECT_EQ(chapter_titles(scratch / "bread.epub"),
              (std::vector<std::string>{"Sourdough Basics, Part 1: Starter", "Sourdough Basics, Part 2: Feeding",
                                        "Sourdough Basics, Part 3: Baking"}));
  }
}

TEST(Build, SeveralSeriesWithoutAChoiceIsAUsageError) {
  ScratchDir scratch;
  const CommandResult result =
      postbinder({"build", write_two_series(scratch).string(), "-o", (scratch / "x.epub").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--series"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("Bicycle Repair"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(scratch / "x.epub"));
}

TEST(Build, AllWritesOneBookPerSeriesAndSkipsStandalonePosts) {
  ScratchDir scratch;
  const CommandResult result =
      postbinder({"build", write_two_series(scratch).string(), "--all", "-o", (scratch / "books").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::set<std::string> written;
  for (const auto& entry : fs::directory_iterator(scratch / "books")) written.insert(entry.path().filename().string());
  EXPECT_EQ(written, (std::set<std::string>{"bicycle-repair.epub", "sourdough-basics.epub"}));
  EXPECT_EQ(chapter_titles(scratch / "books/bicycle-repair.epub"),
            (std::vector<std::string>{"Bicycle Repair (1 of 2)", "Bicycle Repair (2 of 2)"}));
}

TEST(Build, OneBookKeepsSeriesTogetherAndOrdersByDate) {
  ScratchDir scratch;
  const fs::path book = scratch / "all.epub";
  const CommandResult result = postbinder(
      {"build", write_two_series(scratch).string(), "--one-book", "--title", "Everything", "-o", book.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(chapter_titles(book),
            (std::vector<std::string>{"Bicycle Repair (1 of 2)", "Bicycle Repair (2 of 2)", "Why I Write",
                                      "Sourdough Basics, Part 1: Starter", "Sourdough Basics, Part 2: Feeding",
                                      "Sourdough Basics, Part 3: Baking"}));
  EXPECT_NE(zip_entry(book, "EPUB/content.opf").find("<dc:title>Everything</dc:title>"), std::string::npos);
}

TEST(Build, TheSeedPostBindsWithAWarningAboutPartOne) {
  if (seed_post().empty()) GTEST_SKIP() << "../shared/corpus/seed is not present";
  ScratchDir scratch;
  const CommandResult result = postbinder({"build", seed_post().string(), "-o", (scratch / "seed.epub").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("part 1 not found"), std::string::npos) << result.err;
  const std::string opf = zip_entry(scratch / "seed.epub", "EPUB/content.opf");
  EXPECT_NE(opf.find("<dc:title>What am I missing?</dc:title>"), std::string::npos) << opf;
  const std::string chapter = zip_entry(scratch / "seed.epub", "EPUB/chapter-01.xhtml");
  EXPECT_NE(chapter.find("<h2 id=\"the-scientific-link-between-attachment-and-addiction\">"), std::string::npos)
      << chapter;
  EXPECT_NE(chapter.find("child’s diaper"), std::string::npos);
  EXPECT_EQ(chapter.find("data-contrast"), std::string::npos);
}

}  // namespace
}  // namespace pb::e2e
