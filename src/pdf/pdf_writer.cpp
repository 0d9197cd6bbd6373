// write_pdf: settings from the options, fonts and hyphenation for the book, the layout, then the
// PoDoFo device writing into AtomicOutput's temporary file, renamed over the output at the end.
#include "pdf/pdf_writer.h"

#include "common/atomic_output.h"
#include "common/error.h"
#include "pdf/document_layout.h"
#include "pdf/pdf_device.h"

namespace pb::pdf {

void write_pdf(const book::Book& book, const PdfOptions& options, Diagnostics& diagnostics) {
  const PageSettings settings = settings_for(options);
  if (book.chapters.empty()) throw BuildError(options.output.string(), "the book has no chapters to typeset");
  FontSet fonts(diagnostics);
  std::unique_ptr<Hyphenator> hyphenator;
  if (settings.hyphenate)
    hyphenator = Hyphenator::for_language(book.language.empty() ? "en" : book.language, diagnostics);
  const LaidOutDocument document = lay_out_document(book, settings, fonts, hyphenator.get(), diagnostics);
  PdfDevice device(diagnostics);
  render(document, device);
  AtomicOutput output(options.output);
  device.write(output.temp_path());
  output.commit();
}

}  // namespace pb::pdf
