// Puts a chapter's content headings under its title: the title is the only h1, the content's
// highest heading becomes h2, every heading gets an id for the contents and the PDF outline.
#pragma once

#include <string_view>

#include "book/model.h"
#include "transform/id_registry.h"

namespace pb::transform {

// Drops a first heading that repeats the chapter title (many themes print it in the content).
void drop_repeated_title(book::Blocks& blocks, std::string_view title);

// Shifts all headings by the same amount so the highest becomes level 2, clamped to 2..6, and
// never deeper than one level below the heading before it.
void normalise_heading_levels(book::Blocks& blocks);

// Headings wrapped whole in <b> or <strong> (Word pastes them so) lose the redundant wrapper:
// headings are bold already, and a nested strong renders heavier or not at all.
void unwrap_bold_headings(book::Blocks& blocks);

// Gives each heading without an id one made from its text.
void assign_heading_ids(book::Blocks& blocks, IdRegistry& ids);

}  // namespace pb::transform
