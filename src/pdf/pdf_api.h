// The boundary between postbinder and its PDF module (postbinder_pdf.so): the typesetter and the
// libraries only it needs (PoDoFo and the image codecs it brings, libhyphen, libunibreak,
// libqrencode, HarfBuzz's subsetter) are loaded when a PDF is written, so an EPUB build does not
// spend milliseconds and megabytes mapping them. The module's calls use the executable's copies
// of the shared stages (postbinder is linked with its symbols exported), so exceptions and the
// Ctrl-C flag are the same on both sides.
#pragma once

#include "pdf/pdf_writer.h"

namespace pb::pdf {

constexpr int kPdfApiVersion = 1;

struct PdfApi {
  int version;
  Preset (*parse_preset)(const std::string& name);
  void (*write_pdf)(const book::Book& book, const PdfOptions& options, Diagnostics& diagnostics);
};

}  // namespace pb::pdf

extern "C" const pb::pdf::PdfApi* postbinder_pdf_api();
