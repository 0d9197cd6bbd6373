#include "common/xml_writer.h"

#include "common/utf8.h"

namespace pb {

void XmlWriter::append_escaped(std::string& out, std::string_view text, bool in_attribute) {
  const std::string clean = utf8::sanitize_for_xml(text);
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += in_attribute ? "&quot;" : "\"";
        break;
      case '\n':
        out += in_attribute ? "&#10;" : "\n";
        break;
      case '\t':
        out += in_attribute ? "&#9;" : "\t";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
}

void XmlWriter::declaration() {
  out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlWriter::start_tag(std::string_view name, const Attributes& attributes) {
  out_ += '<';
  out_ += name;
  for (const auto& [key, value] : attributes) {
    out_ += ' ';
    out_ += key;
    out_ += "=\"";
    append_escaped(out_, value, true);
    out_ += '"';
  }
}

void XmlWriter::open(std::string_view name, const Attributes& attributes) {
  start_tag(name, attributes);
  out_ += '>';
}

void XmlWriter::empty(std::string_view name, const Attributes& attributes) {
  start_tag(name, attributes);
  out_ += "/>";
}

void XmlWriter::close(std::string_view name) {
  out_ += "</";
  out_ += name;
  out_ += '>';
}

void XmlWriter::text(std::string_view text) {
  append_escaped(out_, text, false);
}

void XmlWriter::element(std::string_view name, const Attributes& attributes, std::string_view text) {
  open(name, attributes);
  this->text(text);
  close(name);
}

}  // namespace pb
