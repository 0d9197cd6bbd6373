#include "image/sniff.h"

#include <algorithm>

#include "common/text.h"

namespace pb::image {

namespace {

bool starts_with_bytes(std::string_view head, std::string_view magic) {
  return head.substr(0, magic.size()) == magic;
}

// Text formats: skip a BOM and whitespace, then look at the first markup.
std::string_view first_markup(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() && text::is_html_space(head.front())) head.remove_prefix(1);
  return head;
}

bool contains_icase(std::string_view haystack, std::string_view needle) {
  const std::string lower = text::ascii_lower(haystack);
  return lower.find(needle) != std::string::npos;
}

}  // namespace

Format sniff(std::string_view head) {
  if (head.empty()) return Format::Empty;
  if (starts_with_bytes(head, "\xFF\xD8\xFF")) return Format::Jpeg;
  if (starts_with_bytes(head, "\x89PNG\r\n\x1A\n")) return Format::Png;
  if (starts_with_bytes(head, "GIF87a") || starts_with_bytes(head, "GIF89a")) return Format::Gif;
  if (head.size() >= 12 && head.substr(0, 4) == "RIFF" && head.substr(8, 4) == "WEBP") return Format::WebP;
  if (head.size() >= 12 && head.substr(4, 4) == "ftyp") {
    const std::string_view brand = head.substr(8, 4);
    if (brand == "avif" || brand == "avis") return Format::Avif;
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1") return Format::Heic;
  }
  if (starts_with_bytes(head, std::string_view("II*\0", 4)) || starts_with_bytes(head, std::string_view("MM\0*", 4)))
    return Format::Tiff;
  if (starts_with_bytes(head, "BM") && head.size() >= 26) return Format::Bmp;
  const std::string_view markup = first_markup(head);
  if (markup.starts_with("<")) {
    const std::string_view window = markup.substr(0, 512);
    // An HTML page may carry an inline <svg> icon: the page markers decide first.
    if (text::starts_with_icase(window, "<svg")) return Format::Svg;
    if (contains_icase(window, "<!doctype html") || contains_icase(window, "<html") ||
        contains_icase(window, "<head") || contains_icase(window, "<body") || contains_icase(window, "<title"))
      return Format::Html;
    if (contains_icase(window, "<svg") || (window.starts_with("<?xml") && contains_icase(head, "<svg")))
      return Format::Svg;
  }
  return Format::Unknown;
}

const char* format_name(Format format) {
  switch (format) {
    case Format::Jpeg:
      return "JPEG";
    case Format::Png:
      return "PNG";
    case Format::Gif:
      return "GIF";
    case Format::WebP:
      return "WebP";
    case Format::Avif:
      return "AVIF";
    case Format::Tiff:
      return "TIFF";
    case Format::Bmp:
      return "BMP";
    case Format::Svg:
      return "SVG";
    case Format::Heic:
      return "HEIC";
    case Format::Html:
      return "an HTML page";
    case Format::Empty:
      return "an empty file";
    case Format::Unknown:
      return "not an image";
  }
  return "not an image";
}

const char* media_type(Format format) {
  switch (format) {
    case Format::Jpeg:
      return "image/jpeg";
    case Format::Png:
      return "image/png";
    case Format::Gif:
      return "image/gif";
    case Format::Svg:
      return "image/svg+xml";
    case Format::WebP:
      return "image/webp";
    default:
      return "";
  }
}

const char* extension(Format format) {
  switch (format) {
    case Format::Jpeg:
      return "jpg";
    case Format::Png:
      return "png";
    case Format::Gif:
      return "gif";
    case Format::Svg:
      return "svg";
    case Format::WebP:
      return "webp";
    default:
      return "";
  }
}

bool is_ebook_ready(Format format) {
  return format == Format::Jpeg || format == Format::Png || format == Format::Gif;
}

}  // namespace pb::image
