// Renders document-model nodes as compact one-line strings so test expectations read like the
// structure they describe:
//
//   P[Hello Em[world]{br}Link(https://example.org/)[x]]   paragraph; Text is written as is
//   P#id[...]  H2#id[...]  Pre[line 1\n  two]  HR
//   UL[LI[P[a]] LI#id[P[b]]]  OL[...]  OL(start=3,a)[...]   markers: 1 a A i I
//   Quote[P[...] Cite[...]]
//   Fig(source|alt)[caption]  Fig#id(source|alt)  Fig(|alt|!)  ("!" = failure set, no source)
//   Table(head=1)[Row[TH[P[x]] TD(c2)[P[y]] TD(r3)[]] Caption[...]]
//   Inlines: Em[] Strong[] Code[] Sub[] Sup[] Small[] Del[] Ins[] U[] Mark[], {br}, {#anchor},
//            Link(url)[...] for external links, Link(@2#anchor)[...] / Link(@2)[...] for chapter 2.
// Blocks are separated by one space.
#pragma once

#include <string>

#include "book/model.h"

namespace pb::test {

std::string dump(const book::Inlines& inlines);
std::string dump(const book::Block& block);
std::string dump(const book::Blocks& blocks);

}  // namespace pb::test
