#include "pdf/pdf_device.h"

#include <podofo/podofo.h>

#include <cmath>
#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "common/error.h"
#include "pdf/font_embedder.h"
#include "pdf/png_passthrough.h"
#include "pdf/xmp.h"

namespace pb::pdf {

using namespace PoDoFo;

namespace {

PdfString utf8_string(const std::string& text) {
  bool ascii = true;
  for (unsigned char ch : text)
    if (ch >= 0x80 || ch < 0x20) ascii = false;
  if (ascii) return PdfString(text);
  return PdfString(reinterpret_cast<const pdf_utf8*>(text.c_str()));
}

// URIs in PDF are 7-bit ASCII: bytes outside it (and spaces) are percent-encoded.
std::string ascii_uri(const std::string& uri) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : uri) {
    if (ch > 0x20 && ch < 0x7F) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += digits[ch >> 4];
      out += digits[ch & 0xF];
    }
  }
  return out;
}

std::string pdf_date(std::time_t when) {
  std::tm tm{};
  gmtime_r(&when, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "D:%Y%m%d%H%M%SZ", &tm);
  return buffer;
}

PdfArray rect_array(double x1, double y1, double x2, double y2) {
  PdfArray array;
  array.push_back(PdfObject(x1));
  array.push_back(PdfObject(y1));
  array.push_back(PdfObject(x2));
  array.push_back(PdfObject(y2));
  return array;
}

double round3(double value) {
  return std::round(value * 1000) / 1000;
}

void append_color(std::string& out, const Color& c, const char* op) {
  out += pdf_number(c.r) + ' ' + pdf_number(c.g) + ' ' + pdf_number(c.b) + ' ' + op + '\n';
}

struct FontEntry {
  const Font* font = nullptr;
  PdfObject* type0 = nullptr;
  std::string name;
  std::set<std::uint32_t> used;
};

struct ImageEntry {
  PdfObject* object = nullptr;
  std::string name;
};

// A kid of a structure element: another element, marked content on a page, or an annotation.
struct Kid {
  enum class Kind { Element, Content, Annotation } kind;
  int element = -1;
  std::size_t page = 0;
  int mcid = 0;
  PdfObject* annotation = nullptr;
};

struct PlaceOnPage {
  std::size_t page = 0;
  double x = 0, y = 0;
};

struct PendingLink {
  PdfObject* annotation = nullptr;
  std::string destination;
};

}  // namespace

struct PdfDevice::Impl {
  explicit Impl(Diagnostics& d) : diagnostics(d) {}

  Diagnostics& diagnostics;
  PdfMemDocument doc;
  std::vector<std::unique_ptr<PdfPage>> pages;
  std::vector<PdfObject*> page_objects;
  std::map<int, FontEntry> fonts;            // by font id
  std::map<std::string, ImageEntry> images;  // by resource id
  std::map<std::string, PlaceOnPage> destinations;
  std::vector<PendingLink> pending_links;
  std::vector<std::pair<PdfObject*, int>> tagged_annotations;
  std::vector<std::vector<int>> page_mcid_elements;  // per page: element of each MCID
  const StructureTree* structure = nullptr;
  std::vector<std::pair<int, Kid>> events;  // content and annotations of elements, in drawing order
  std::vector<std::vector<Kid>> kids;
  std::vector<bool> attached;
  DocumentInfo info;

  // The page being drawn.
  double width = 0, height = 0;
  std::string content;
  std::vector<PdfObject*> annotations;
  std::size_t page_index = 0;
  std::vector<int> mcid_elements;
  std::map<std::string, PdfReference> page_fonts;
  std::map<std::string, PdfReference> page_images;

  PdfVecObjects& objects() { return doc.GetObjects(); }

  FontEntry& font_entry(const Font* font) {
    FontEntry& entry = fonts[font->id()];
    if (!entry.type0) {
      entry.font = font;
      entry.name = "F" + std::to_string(font->id());
      entry.type0 = objects().CreateObject("Font");
    }
    page_fonts.emplace(entry.name, entry.type0->Reference());
    return entry;
  }

  // Each page names only the fonts and images it uses.
  PdfDictionary page_resources() const {
    PdfDictionary resources;
    PdfDictionary font_dict, image_dict;
    for (const auto& [name, reference] : page_fonts) font_dict.AddKey(PdfName(name), reference);
    for (const auto& [name, reference] : page_images) image_dict.AddKey(PdfName(name), reference);
    if (!page_fonts.empty()) resources.AddKey(PdfName("Font"), font_dict);
    if (!page_images.empty()) resources.AddKey(PdfName("XObject"), image_dict);
    PdfArray procset;
    for (const char* name : {"PDF", "Text", "ImageB", "ImageC", "ImageI"}) procset.push_back(PdfName(name));
    resources.AddKey(PdfName("ProcSet"), procset);
    return resources;
  }

  void embed_fonts() {
    for (auto& [id, entry] : fonts) {
      const Font& font = *entry.font;
      std::set<std::uint32_t> glyphs = entry.used;
      glyphs.insert(0);
      const std::string bytes = subset_font_file(font, glyphs);
      const std::string base_name = subset_tag(font, glyphs) + "+" + font.postscript_name();
      const double em = 1000.0 / font.units_per_em();

      PdfObject* file = objects().CreateObject();
      file->GetStream()->Set(bytes.data(), static_cast<pdf_long>(bytes.size()));
      file->GetDictionary().AddKey(PdfName("Length1"), PdfObject(static_cast<pdf_int64>(bytes.size())));

      PdfObject* descriptor = objects().CreateObject("FontDescriptor");
      PdfDictionary& d = descriptor->GetDictionary();
      d.AddKey(PdfName("FontName"), PdfName(base_name));
      long flags = 4;  // symbolic: the glyphs are addressed by id
      if (font.fixed_pitch()) flags |= 1;
      if (font.italic() || font.italic_angle() != 0) flags |= 64;
      d.AddKey(PdfName("Flags"), PdfObject(static_cast<pdf_int64>(flags)));
      const double* box = font.bbox();
      PdfArray bbox;
      for (int i = 0; i < 4; ++i) bbox.push_back(PdfObject(static_cast<pdf_int64>(std::lround(box[i] * em))));
      d.AddKey(PdfName("FontBBox"), bbox);
      d.AddKey(PdfName("ItalicAngle"), PdfObject(round3(font.italic_angle())));
      d.AddKey(PdfName("Ascent"), PdfObject(static_cast<pdf_int64>(std::lround(font.ascender() * em))));
      d.AddKey(PdfName("Descent"), PdfObject(static_cast<pdf_int64>(std::lround(font.descender() * em))));
      d.AddKey(PdfName("CapHeight"), PdfObject(static_cast<pdf_int64>(std::lround(font.cap_height() * em))));
      d.AddKey(PdfName("StemV"), PdfObject(static_cast<pdf_int64>(font.bold() ? 120 : 80)));
      d.AddKey(PdfName("FontFile2"), file->Reference());

      PdfArray widths;
      PdfArray run;
      std::uint32_t previous = 0;
      bool open = false;
      for (std::uint32_t glyph : glyphs) {
        if (!open || glyph != previous + 1) {
          if (open) widths.push_back(run);
          run.clear();
          widths.push_back(PdfObject(static_cast<pdf_int64>(glyph)));
          open = true;
        }
        run.push_back(PdfObject(glyph_width_1000(font, glyph)));
        previous = glyph;
      }
      if (open) widths.push_back(run);

      PdfObject* cid = objects().CreateObject("Font");
      PdfDictionary& c = cid->GetDictionary();
      c.AddKey(PdfName("Subtype"), PdfName("CIDFontType2"));
      c.AddKey(PdfName("BaseFont"), PdfName(base_name));
      PdfDictionary system;
      system.AddKey(PdfName("Registry"), PdfString("Adobe"));
      system.AddKey(PdfName("Ordering"), PdfString("Identity"));
      system.AddKey(PdfName("Supplement"), PdfObject(static_cast<pdf_int64>(0)));
      c.AddKey(PdfName("CIDSystemInfo"), system);
      c.AddKey(PdfName("FontDescriptor"), descriptor->Reference());
      c.AddKey(PdfName("W"), widths);
      c.AddKey(PdfName("CIDToGIDMap"), PdfName("Identity"));

      std::map<std::uint32_t, std::u32string> texts;
      for (std::uint32_t glyph : glyphs)
        if (const auto it = font.glyph_texts().find(glyph); it != font.glyph_texts().end()) texts[glyph] = it->second;
      const std::string cmap = to_unicode_cmap(texts);
      PdfObject* to_unicode = objects().CreateObject();
      to_unicode->GetStream()->Set(cmap.data(), static_cast<pdf_long>(cmap.size()));

      PdfDictionary& t = entry.type0->GetDictionary();
      t.AddKey(PdfName("Subtype"), PdfName("Type0"));
      t.AddKey(PdfName("BaseFont"), PdfName(base_name));
      t.AddKey(PdfName("Encoding"), PdfName("Identity-H"));
      PdfArray descendants;
      descendants.push_back(cid->Reference());
      t.AddKey(PdfName("DescendantFonts"), descendants);
      t.AddKey(PdfName("ToUnicode"), to_unicode->Reference());
    }
  }

  PdfArray destination_array(const PlaceOnPage& place) {
    PdfArray array;
    array.push_back(page_objects[place.page]->Reference());
    array.push_back(PdfName("XYZ"));
    array.push_back(PdfObject(round3(place.x)));
    array.push_back(PdfObject(round3(place.y)));
    array.push_back(PdfVariant());
    return array;
  }

  const PlaceOnPage* find_destination(const std::string& name) const {
    if (const auto it = destinations.find(name); it != destinations.end()) return &it->second;
    const std::size_t hash = name.find('#');
    if (hash != std::string::npos)
      if (const auto it = destinations.find(name.substr(0, hash)); it != destinations.end()) return &it->second;
    return nullptr;
  }

  // Internal links become GoTo actions to explicit destinations (an anchor the layout never
  // placed falls back to its chapter's start, and that to the first page).
  void resolve_links() {
    for (const PendingLink& link : pending_links) {
      const PlaceOnPage* place = find_destination(link.destination);
      PdfDictionary action;
      action.AddKey(PdfName("S"), PdfName("GoTo"));
      action.AddKey(PdfName("D"), destination_array(place ? *place : PlaceOnPage{0, 0, height}));
      link.annotation->GetDictionary().AddKey(PdfName("A"), action);
    }
  }

  void write_outline(const std::vector<OutlineEntry>& outline) {
    if (outline.empty()) return;
    PdfObject* root = objects().CreateObject("Outlines");
    const std::function<int(const std::vector<OutlineEntry>&, PdfObject*)> add =
        [&](const std::vector<OutlineEntry>& entries, PdfObject* parent) -> int {
      std::vector<PdfObject*> items;
      int count = 0;
      for (const OutlineEntry& entry : entries) {
        PdfObject* item = objects().CreateObject();
        item->GetDictionary().AddKey(PdfName("Title"), utf8_string(entry.title));
        item->GetDictionary().AddKey(PdfName("Parent"), parent->Reference());
        if (const PlaceOnPage* place = find_destination(entry.destination))
          item->GetDictionary().AddKey(PdfName("Dest"), destination_array(*place));
        items.push_back(item);
        ++count;
        if (!entry.children.empty()) {
          const int children = add(entry.children, item);
          // Chapters start closed: a negative count.
          item->GetDictionary().AddKey(PdfName("Count"), PdfObject(static_cast<pdf_int64>(-children)));
        }
      }
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) items[i]->GetDictionary().AddKey(PdfName("Prev"), items[i - 1]->Reference());
        if (i + 1 < items.size()) items[i]->GetDictionary().AddKey(PdfName("Next"), items[i + 1]->Reference());
      }
      if (!items.empty()) {
        parent->GetDictionary().AddKey(PdfName("First"), items.front()->Reference());
        parent->GetDictionary().AddKey(PdfName("Last"), items.back()->Reference());
      }
      return count;
    };
    const int count = add(outline, root);
    root->GetDictionary().AddKey(PdfName("Count"), PdfObject(static_cast<pdf_int64>(count)));
    doc.GetCatalog()->GetDictionary().AddKey(PdfName("Outlines"), root->Reference());
    doc.GetCatalog()->GetDictionary().AddKey(PdfName("PageMode"), PdfName("UseOutlines"));
  }

  void write_labels(const std::vector<PageLabelRange>& labels) {
    if (labels.empty()) return;
    PdfArray numbers;
    for (const PageLabelRange& range : labels) {
      numbers.push_back(PdfObject(static_cast<pdf_int64>(range.first_page)));
      PdfDictionary label;
      label.AddKey(PdfName("S"), PdfName(range.roman ? "r" : "D"));
      if (range.start != 1) label.AddKey(PdfName("St"), PdfObject(static_cast<pdf_int64>(range.start)));
      numbers.push_back(label);
    }
    PdfDictionary tree;
    tree.AddKey(PdfName("Nums"), numbers);
    doc.GetCatalog()->GetDictionary().AddKey(PdfName("PageLabels"), tree);
  }

  void attach(int element) {
    if (element < 0) return;
    if (attached[static_cast<std::size_t>(element)]) return;
    attached[static_cast<std::size_t>(element)] = true;
    const int parent = structure->elements()[static_cast<std::size_t>(element)].parent;
    if (parent >= 0) {
      attach(parent);
      kids[static_cast<std::size_t>(parent)].push_back({Kid::Kind::Element, element, 0, 0, nullptr});
    }
  }

  void write_structure() {
    const std::vector<StructureElement>& elements = structure->elements();
    std::vector<PdfObject*> objects_of(elements.size(), nullptr);
    PdfObject* root = objects().CreateObject("StructTreeRoot");
    for (std::size_t i = 0; i < elements.size(); ++i)
      if (attached[i]) objects_of[i] = objects().CreateObject("StructElem");
    for (std::size_t i = 0; i < elements.size(); ++i) {
      PdfObject* object = objects_of[i];
      if (!object) continue;
      PdfDictionary& d = object->GetDictionary();
      d.AddKey(PdfName("S"), PdfName(elements[i].type));
      const int parent = elements[i].parent;
      d.AddKey(PdfName("P"), parent >= 0 && objects_of[static_cast<std::size_t>(parent)]
                                 ? objects_of[static_cast<std::size_t>(parent)]->Reference()
                                 : root->Reference());
      if (!elements[i].alt.empty()) d.AddKey(PdfName("Alt"), utf8_string(elements[i].alt));
      // One page for all marked content: /Pg on the element and plain MCIDs.
      std::set<std::size_t> content_pages;
      for (const Kid& kid : kids[i])
        if (kid.kind != Kid::Kind::Element) content_pages.insert(kid.page);
      const bool single_page = content_pages.size() == 1;
      if (single_page) d.AddKey(PdfName("Pg"), page_objects[*content_pages.begin()]->Reference());
      PdfArray k;
      for (const Kid& kid : kids[i]) {
        switch (kid.kind) {
          case Kid::Kind::Element:
            k.push_back(objects_of[static_cast<std::size_t>(kid.element)]->Reference());
            break;
          case Kid::Kind::Content:
            if (single_page) {
              k.push_back(PdfObject(static_cast<pdf_int64>(kid.mcid)));
            } else {
              PdfDictionary mcr;
              mcr.AddKey(PdfName("Type"), PdfName("MCR"));
              mcr.AddKey(PdfName("Pg"), page_objects[kid.page]->Reference());
              mcr.AddKey(PdfName("MCID"), PdfObject(static_cast<pdf_int64>(kid.mcid)));
              k.push_back(mcr);
            }
            break;
          case Kid::Kind::Annotation: {
            PdfDictionary objr;
            objr.AddKey(PdfName("Type"), PdfName("OBJR"));
            objr.AddKey(PdfName("Obj"), kid.annotation->Reference());
            objr.AddKey(PdfName("Pg"), page_objects[kid.page]->Reference());
            k.push_back(objr);
            break;
          }
        }
      }
      d.AddKey(PdfName("K"), k);
    }
    PdfArray root_kids;
    if (objects_of[0]) root_kids.push_back(objects_of[0]->Reference());
    root->GetDictionary().AddKey(PdfName("K"), root_kids);
    // Parent tree: for each page, the element of each MCID; then one entry per annotation.
    PdfArray numbers;
    for (std::size_t p = 0; p < page_mcid_elements.size(); ++p) {
      numbers.push_back(PdfObject(static_cast<pdf_int64>(p)));
      PdfArray array;
      for (int element : page_mcid_elements[p])
        array.push_back(objects_of[static_cast<std::size_t>(element)]->Reference());
      numbers.push_back(array);
    }
    pdf_int64 key = static_cast<pdf_int64>(page_mcid_elements.size());
    for (const auto& [annotation, element] : tagged_annotations) {
      annotation->GetDictionary().AddKey(PdfName("StructParent"), PdfObject(key));
      numbers.push_back(PdfObject(key));
      numbers.push_back(objects_of[static_cast<std::size_t>(element)]->Reference());
      ++key;
    }
    PdfDictionary parent_tree;
    parent_tree.AddKey(PdfName("Nums"), numbers);
    root->GetDictionary().AddKey(PdfName("ParentTree"), parent_tree);
    root->GetDictionary().AddKey(PdfName("ParentTreeNextKey"), PdfObject(key));
    PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
    catalog.AddKey(PdfName("StructTreeRoot"), root->Reference());
    PdfDictionary mark_info;
    mark_info.AddKey(PdfName("Marked"), PdfVariant(true));
    catalog.AddKey(PdfName("MarkInfo"), mark_info);
  }

  void write_info() {
    PdfInfo* pdf_info = doc.GetInfo();
    if (!info.title.empty()) pdf_info->SetTitle(utf8_string(info.title));
    if (!info.author.empty()) pdf_info->SetAuthor(utf8_string(info.author));
    if (!info.subject.empty()) pdf_info->SetSubject(utf8_string(info.subject));
    if (!info.keywords.empty()) pdf_info->SetKeywords(utf8_string(info.keywords));
    pdf_info->SetCreator(PdfString(info.creator));
    pdf_info->SetProducer(PdfString("postbinder with PoDoFo " PODOFO_VERSION_STRING));
    const PdfString date(pdf_date(info.modified));
    pdf_info->GetObject()->GetDictionary().AddKey(PdfName("CreationDate"), date);
    pdf_info->GetObject()->GetDictionary().AddKey(PdfName("ModDate"), date);

    const std::string xmp = xmp_packet(info, "postbinder with PoDoFo " PODOFO_VERSION_STRING);
    PdfObject* metadata = objects().CreateObject("Metadata");
    metadata->GetDictionary().AddKey(PdfName("Subtype"), PdfName("XML"));
    metadata->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters());
    PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
    catalog.AddKey(PdfName("Metadata"), metadata->Reference());
    catalog.AddKey(PdfName("Lang"), utf8_string(info.language.empty() ? "en" : info.language));
    PdfDictionary preferences;
    preferences.AddKey(PdfName("DisplayDocTitle"), PdfVariant(true));
    catalog.AddKey(PdfName("ViewerPreferences"), preferences);
  }
};

PdfDevice::PdfDevice(Diagnostics& diagnostics) : impl_(std::make_unique<Impl>(diagnostics)) {
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
}

PdfDevice::~PdfDevice() = default;

void PdfDevice::begin_document(const DocumentInfo& info, const StructureTree& structure) {
  impl_->info = info;
  impl_->structure = &structure;
}

void PdfDevice::begin_page(double width, double height) {
  Impl& d = *impl_;
  d.width = width;
  d.height = height;
  d.content.clear();
  d.annotations.clear();
  d.mcid_elements.clear();
  d.page_fonts.clear();
  d.page_images.clear();
  d.page_index = d.page_objects.size();
}

void PdfDevice::begin_marked(int element) {
  Impl& d = *impl_;
  if (element < 0 || static_cast<std::size_t>(element) >= d.structure->elements().size()) {
    d.content += "/Artifact BMC\n";
    return;
  }
  const int mcid = static_cast<int>(d.mcid_elements.size());
  d.mcid_elements.push_back(element);
  d.events.push_back({element, {Kid::Kind::Content, -1, d.page_index, mcid, nullptr}});
  d.content += "/" + d.structure->elements()[static_cast<std::size_t>(element)].type + " <</MCID " +
               std::to_string(mcid) + ">> BDC\n";
}

void PdfDevice::end_marked() {
  impl_->content += "EMC\n";
}

void PdfDevice::draw_glyphs(const GlyphRun& run) {
  Impl& d = *impl_;
  if (run.glyphs.empty() || !run.font) return;
  FontEntry& entry = d.font_entry(run.font);
  std::string& out = d.content;
  out += "BT\n/" + entry.name + ' ' + pdf_number(run.size) + " Tf\n";
  append_color(out, run.color, "rg");
  std::size_t i = 0;
  while (i < run.glyphs.size()) {
    // Glyphs on the same baseline go in one TJ; marks raised by the shaper get their own.
    const double rise = run.glyphs[i].y;
    std::size_t j = i;
    while (j < run.glyphs.size() && run.glyphs[j].y == rise) ++j;
    const double x = run.x + run.glyphs[i].x;
    out += "1 0 0 1 " + pdf_number(x) + ' ' + pdf_number(d.height - run.y + rise) + " Tm\n[";
    double pen = run.glyphs[i].x;
    bool open_hex = false;
    for (std::size_t k = i; k < j; ++k) {
      const PlacedGlyph& glyph = run.glyphs[k];
      const double shift = glyph.x - pen;
      if (std::abs(shift) > 0.0005) {
        if (open_hex) {
          out += '>';
          open_hex = false;
        }
        out += pdf_number(-shift * 1000.0 / run.size, 2);
      }
      if (!open_hex) {
        out += '<';
        open_hex = true;
      }
      static const char digits[] = "0123456789ABCDEF";
      for (int s = 12; s >= 0; s -= 4) out += digits[(glyph.glyph >> s) & 0xF];
      entry.used.insert(glyph.glyph);
      pen = glyph.x + glyph_width_1000(*run.font, glyph.glyph) * run.size / 1000.0;
    }
    if (open_hex) out += '>';
    out += "] TJ\n";
    i = j;
  }
  out += "ET\n";
}

namespace {

// An image XObject holding a PNG's compressed data as it is (see png_passthrough.h).
PdfObject* png_image_object(PdfMemDocument& doc, const PngForPdf& png) {
  PdfObject* object = doc.GetObjects().CreateObject("XObject");
  PdfDictionary& dictionary = object->GetDictionary();
  dictionary.AddKey(PdfName::KeySubtype, PdfName("Image"));
  dictionary.AddKey("Width", PdfVariant(static_cast<pdf_int64>(png.width)));
  dictionary.AddKey("Height", PdfVariant(static_cast<pdf_int64>(png.height)));
  dictionary.AddKey("BitsPerComponent", PdfVariant(static_cast<pdf_int64>(8)));
  if (!png.palette.empty()) {
    PdfArray indexed;
    indexed.push_back(PdfName("Indexed"));
    indexed.push_back(PdfName("DeviceRGB"));
    indexed.push_back(PdfVariant(static_cast<pdf_int64>(png.palette.size() / 3 - 1)));
    indexed.push_back(PdfString(png.palette.data(), static_cast<pdf_long>(png.palette.size()), true));
    dictionary.AddKey("ColorSpace", indexed);
  } else {
    dictionary.AddKey("ColorSpace", PdfName(png.colours == 3 ? "DeviceRGB" : "DeviceGray"));
  }
  dictionary.AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
  PdfDictionary parameters;
  parameters.AddKey("Predictor", PdfVariant(static_cast<pdf_int64>(15)));
  parameters.AddKey("Colors", PdfVariant(static_cast<pdf_int64>(png.colours)));
  parameters.AddKey("BitsPerComponent", PdfVariant(static_cast<pdf_int64>(8)));
  parameters.AddKey("Columns", PdfVariant(static_cast<pdf_int64>(png.width)));
  dictionary.AddKey("DecodeParms", parameters);
  PdfMemoryInputStream data(png.image_data.data(), static_cast<pdf_long>(png.image_data.size()));
  object->GetStream()->SetRawData(&data, static_cast<pdf_long>(png.image_data.size()));
  return object;
}

}  // namespace

void PdfDevice::draw_image(const ImageDraw& image) {
  Impl& d = *impl_;
  if (!image.resource) return;
  ImageEntry& entry = d.images[image.resource->id];
  if (!entry.object) {
    try {
      std::optional<PngForPdf> png;
      if (image.resource->media_type == "image/png") png = read_png_for_pdf(image.resource->path);
      if (png) {
        entry.object = png_image_object(d.doc, *png);
      } else {
        PdfImage loaded(&d.doc);
        // By media type, never by file name: cached downloads have no image extension, and
        // LoadFromFile() would refuse them.
        if (image.resource->media_type == "image/png")
          loaded.LoadFromPng(image.resource->path.c_str());
        else if (image.resource->media_type == "image/jpeg")
          loaded.LoadFromJpeg(image.resource->path.c_str());
        else
          loaded.LoadFromFile(image.resource->path.c_str());
        entry.object = loaded.GetObject();
      }
    } catch (const PdfError& error) {
      d.images.erase(image.resource->id);
      d.diagnostics.warn(image.resource->path.string(),
                         std::string("cannot embed the image in the PDF: ") + PdfError::ErrorMessage(error.GetError()));
      return;
    }
    entry.name = "Im" + std::to_string(d.images.size());
  }
  d.page_images.emplace(entry.name, entry.object->Reference());
  const Rect& r = image.rect;
  d.content += "q " + pdf_number(r.width) + " 0 0 " + pdf_number(r.height) + ' ' + pdf_number(r.x) + ' ' +
               pdf_number(d.height - r.y - r.height) + " cm /" + entry.name + " Do Q\n";
}

void PdfDevice::draw_rect(const RectDraw& rect) {
  Impl& d = *impl_;
  const Rect& r = rect.rect;
  const std::string box = pdf_number(r.x) + ' ' + pdf_number(d.height - r.y - r.height) + ' ' + pdf_number(r.width) +
                          ' ' + pdf_number(r.height) + " re";
  if (rect.stroke_width > 0) {
    append_color(d.content, rect.color, "RG");
    d.content += pdf_number(rect.stroke_width) + " w " + box + " S\n";
  } else {
    append_color(d.content, rect.color, "rg");
    d.content += box + " f\n";
  }
}

void PdfDevice::add_link(const LinkArea& link, int element) {
  Impl& d = *impl_;
  PdfObject* annotation = d.objects().CreateObject("Annot");
  PdfDictionary& a = annotation->GetDictionary();
  a.AddKey(PdfName("Subtype"), PdfName("Link"));
  const Rect& r = link.rect;
  a.AddKey(PdfName("Rect"),
           rect_array(round3(r.x), round3(d.height - r.y - r.height), round3(r.x + r.width), round3(d.height - r.y)));
  PdfArray border;
  for (int i = 0; i < 3; ++i) border.push_back(PdfObject(static_cast<pdf_int64>(0)));
  a.AddKey(PdfName("Border"), border);
  a.AddKey(PdfName("F"), PdfObject(static_cast<pdf_int64>(4)));
  if (!link.uri.empty()) {
    PdfDictionary action;
    action.AddKey(PdfName("S"), PdfName("URI"));
    action.AddKey(PdfName("URI"), PdfString(ascii_uri(link.uri)));
    a.AddKey(PdfName("A"), action);
    a.AddKey(PdfName("Contents"), utf8_string(link.uri));
  } else {
    d.pending_links.push_back({annotation, link.destination});
  }
  if (element >= 0 && static_cast<std::size_t>(element) < d.structure->elements().size()) {
    d.events.push_back({element, {Kid::Kind::Annotation, -1, d.page_index, 0, annotation}});
    d.tagged_annotations.emplace_back(annotation, element);
  }
  d.annotations.push_back(annotation);
}

void PdfDevice::add_destination(const Destination& destination) {
  Impl& d = *impl_;
  d.destinations.try_emplace(destination.name, PlaceOnPage{d.page_index, destination.x, d.height - destination.y});
}

void PdfDevice::end_page() {
  Impl& d = *impl_;
  auto page = std::make_unique<PdfPage>(PdfRect(0, 0, d.width, d.height), &d.doc);
  PdfObject* object = page->GetObject();
  PdfObject* contents = page->GetContents();
  contents->GetStream()->Set(d.content.data(), static_cast<pdf_long>(d.content.size()));
  PdfDictionary& dict = object->GetDictionary();
  dict.AddKey(PdfName("Resources"), d.page_resources());
  dict.AddKey(PdfName("StructParents"), PdfObject(static_cast<pdf_int64>(d.page_index)));
  dict.AddKey(PdfName("Tabs"), PdfName("S"));
  if (!d.annotations.empty()) {
    PdfArray annots;
    for (PdfObject* annotation : d.annotations) {
      annotation->GetDictionary().AddKey(PdfName("P"), object->Reference());
      annots.push_back(annotation->Reference());
    }
    dict.AddKey(PdfName("Annots"), annots);
  }
  d.page_mcid_elements.push_back(d.mcid_elements);
  d.page_objects.push_back(object);
  d.pages.push_back(std::move(page));
}

void PdfDevice::end_document(const DocumentNavigation& navigation) {
  Impl& d = *impl_;
  // Structure kids in reading order: an element joins its parent when it first gets content.
  d.kids.assign(d.structure->elements().size(), {});
  d.attached.assign(d.structure->elements().size(), false);
  for (const auto& [element, kid] : d.events) {
    d.attach(element);
    d.kids[static_cast<std::size_t>(element)].push_back(kid);
  }
  d.write_structure();
  d.embed_fonts();
  d.resolve_links();
  d.doc.GetPagesTree()->InsertPages(ePdfPageInsertionPoint_InsertBeforeFirstPage, d.page_objects);
  d.write_outline(navigation.outline);
  d.write_labels(navigation.labels);
  d.write_info();
}

void PdfDevice::write(const std::filesystem::path& file) {
  try {
    impl_->doc.SetPdfVersion(ePdfVersion_1_7);
    impl_->doc.Write(file.c_str());
  } catch (const PdfError& error) {
    throw BuildError(file.string(), std::string("cannot write the PDF: ") + PdfError::ErrorMessage(error.GetError()));
  }
}

}  // namespace pb::pdf
