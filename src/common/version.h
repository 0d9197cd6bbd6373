// The version printed by --version and sent in the User-Agent.
#pragma once

namespace pb {
inline constexpr const char* kVersion = "0.1.0";
}
