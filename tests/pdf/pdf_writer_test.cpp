#include <gtest/gtest.h>

#include "pdf/pdf_test_support.h"

namespace pb::pdf::test {
namespace {

TEST(PdfWriter, WritesTheExample) {
  Scratch scratch;
  Diagnostics diagnostics;
  book::Book book = book_from_posts({(examples_dir() / "garden-soil").string()}, scratch.path(), diagnostics);
  PdfOptions options;
  options.output = "/tmp/build-pdf/garden.pdf";
  write_pdf(book, options, diagnostics);
  options.output = "/tmp/build-pdf/garden-ereader.pdf";
  options.preset = Preset::Ereader;
  write_pdf(book, options, diagnostics);
  options.output = "/tmp/build-pdf/garden-handout.pdf";
  options.preset = Preset::Handout;
  write_pdf(book, options, diagnostics);
}

}  // namespace
}  // namespace pb::pdf::test
