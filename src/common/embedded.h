// Files from templates/ compiled into the binary (see cmake/EmbedFile.cmake).
#pragma once

#include <optional>
#include <string_view>

namespace pb::embedded {

// The embedded file with this base name ("epub.css"), or nullopt.
std::optional<std::string_view> find(std::string_view name);

}  // namespace pb::embedded
