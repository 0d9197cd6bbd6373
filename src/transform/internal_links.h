// After every chapter is converted: points links between chapters at the ids the target
// chapter really has, sends links to anchors that vanished to the chapter's start, and drops
// ids nothing links to (headings keep theirs: the contents and outline use them).
#pragma once

#include <vector>

#include "book/model.h"
#include "transform/id_registry.h"

namespace pb::transform {

// registries[i] holds the ids of book.chapters[i].
void finalise_internal_links(book::Book& book, const std::vector<IdRegistry>& registries);

}  // namespace pb::transform
