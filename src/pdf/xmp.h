// The XMP metadata packet of the PDF: Dublin Core title, creators, subjects, description and
// language, the dates and the producing tool, matching the document information dictionary.
#pragma once

#include <string>

#include "pdf/device.h"

namespace pb::pdf {

std::string xmp_packet(const DocumentInfo& info, const std::string& producer);

}  // namespace pb::pdf
