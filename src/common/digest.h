// Content hashes (Nettle) for stable identifiers and cache keys.
#pragma once

#include <string>
#include <string_view>

namespace pb::digest {

std::string sha256_hex(std::string_view data);

// A name-based (version 5, SHA-1) UUID in the URL namespace: the same name always gives the
// same UUID, so a book bound twice from the same posts keeps its identifier.
std::string uuid_v5(std::string_view name);

}  // namespace pb::digest
