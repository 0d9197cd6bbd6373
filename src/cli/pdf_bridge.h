// parse_preset() and write_pdf() of the PDF stage (as parse_pdf_preset() and write_pdf_book()), called through
// postbinder_pdf.so, which is loaded the first time a PDF is asked for (see pdf/pdf_api.h).
#pragma once

#include <string>

#include "pdf/pdf_writer.h"

namespace pb::cli {

pdf::Preset parse_pdf_preset(const std::string& name);
void write_pdf_book(const book::Book& book, const pdf::PdfOptions& options, Diagnostics& diagnostics);

}  // namespace pb::cli
