// Every kind of book the tool writes passes epubcheck with no error and no warning. The books
// are built here and checked in one JVM run (a JVM start costs seconds).
#include <gtest/gtest.h>

#include "e2e/support.h"

namespace pb::e2e {
namespace {

// A post with every construct the transformer handles, in the messy shape real posts have.
std::string kitchen_sink_html() {
  return R"html(<p><span data-contrast="auto">Word &amp; paste</span><span data-ccp-props="{}">&nbsp;</span></p>
<p>&nbsp;</p>
<h1>A first-level heading</h1>
<p>Text with <em>emphasis</em>, <strong>strong</strong>, <code>code</code>, H<sub>2</sub>O, x<sup>2</sup>,
<small>small</small>, <del>deleted</del>, <ins>inserted</ins>, <u>underlined</u>, <mark>marked</mark>,
<q>quoted</q>, <a href="https://example.org/a?b=1&c=2">a link</a>, <a href="javascript:alert(1)">no link</a>,
<a href="#note">an internal link</a>, <a href="/relative/page/">a relative link</a> and a line<br/>break.</p>
<div><p>In a div <div>with a div inside a p<figure><img src="https://cdn.example.org/x.jpg" alt="remote"/><figcaption>A figure in a p</figcaption></figure></div></p></div>
<ol start="3" type="a"><li>three<ul><li>nested</li></ul></li><li id="note">four</li></ol>
<blockquote class="wp-block-quote"><p>A quote.</p><cite>Someone</cite></blockquote>
<figure class="wp-block-table"><table><thead><tr><th>A</th><th colspan="2">B</th></tr></thead>
<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table><figcaption>A table</figcaption></figure>
<pre class="wp-block-code"><code>if (a &lt; b) {
    return "x";
}</code></pre>
<hr/>
<p>Forbidden characters: [&#1;][&#12;][&#xFFFE;] and emoji 😀 and CJK 漢字.</p>
<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper"><iframe src="https://www.youtube.com/embed/abcdefghijk?feature=oembed" frameborder="0" allowfullscreen></iframe></div></figure>
<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://cdn.example.org/lazy.jpg" alt="lazy" loading="lazy" fetchpriority="high"/></p>
<script>alert("x")</script><style>p { color: red }</style>
<form><input name="q"/><button onclick="go()">Go</button></form>
<p onclick="steal()" style="color:red" align="center">Obsolete attributes.</p>
<details><summary>Summary</summary><p>Details.</p></details>
<dl><dt>Term</dt><dd>Definition</dd></dl>)html";
}

TEST(Epubcheck, EveryKindOfBookPassesWithNoErrorAndNoWarning) {
  ScratchDir scratch;
  std::vector<fs::path> books;
  const auto build = [&](const std::string& name, std::vector<std::string> args) {
    const fs::path book = scratch / (name + ".epub");
    args.insert(args.begin(), "build");
    args.push_back("-o");
    args.push_back(book.string());
    const CommandResult result = postbinder(args);
    ASSERT_EQ(result.exit_code, 0) << name << ": " << result.err;
    books.push_back(book);
  };
  build("examples", {(examples_dir() / "garden-soil").string()});
  if (!seed_post().empty()) build("seed", {seed_post().string()});

  nlohmann::json posts = nlohmann::json::array();
  posts.push_back(wordpress_post(1, "Everything &amp; More, Part 1", kitchen_sink_html(),
                                 "https://blog.example.org/everything-1/"));
  posts.push_back(wordpress_post(2, "Everything &amp; More, Part 2",
                                 "<p>Back to <a href=\"https://blog.example.org/everything-1/#note\">part one</a>.</p>",
                                 "https://blog.example.org/everything-2/", "2024-03-06T10:00:00"));
  posts.push_back(
      wordpress_post(3, "A Lone Post", "<p>Alone.</p>", "https://blog.example.org/alone/", "2024-03-07T10:00:00"));
  write_file(scratch / "posts/sink.json", posts.dump());
  build("kitchen-sink", {(scratch / "posts").string(), "--series", "everything-more", "--lang", "en-GB"});
  build("one-book",
        {(scratch / "posts").string(), (examples_dir() / "garden-soil").string(), "--one-book", "--title", "All"});
  build("standalone", {(scratch / "posts").string(), "--one-book", "--title", "A & B <C>"});

  std::string messages;
  const auto results = epubcheck(books, &messages);
  for (const fs::path& book : books) {
    const auto found = results.find(book.string());
    ASSERT_NE(found, results.end()) << "epubcheck did not report " << book << "\n" << messages;
    EXPECT_EQ(found->second.errors, 0) << book.filename() << "\n" << messages;
    EXPECT_EQ(found->second.warnings, 0) << book.filename() << "\n" << messages;
  }
}

TEST(Epubcheck, CalibreConvertsTheExampleToKindleFormat) {
  if (run({"sh", "-c", "command -v ebook-convert"}).exit_code != 0) GTEST_SKIP() << "calibre is not installed";
  ScratchDir scratch;
  ASSERT_EQ(postbinder({"build", (examples_dir() / "garden-soil").string(), "-o", (scratch / "demo.epub").string()})
                .exit_code,
            0);
  const CommandResult result =
      run({"ebook-convert", (scratch / "demo.epub").string(), (scratch / "demo.azw3").string()}, {}, 300);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_GT(fs::file_size(scratch / "demo.azw3"), 10000u);
}

}  // namespace
}  // namespace pb::e2e
