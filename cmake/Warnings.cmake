# Project-wide warning flags, applied through the postbinder_warnings interface target
# so that third-party headers (imported as SYSTEM) stay quiet.
add_library(postbinder_warnings INTERFACE)
target_compile_options(postbinder_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                     -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                                     -Wswitch -Wimplicit-fallthrough)
# GCC 12 at -O2/-O3 reports a false -Wrestrict on "literal" + std::string (GCC bug 105651) and
# false -Wmaybe-uninitialized inside std::variant moves (GCC bugs 105593, 106199); both are
# still reported by the Debug and sanitizer builds, where they are reliable.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(postbinder_warnings INTERFACE -Wno-restrict $<$<NOT:$<CONFIG:Debug>>:-Wno-maybe-uninitialized>)
endif()
if(POSTBINDER_WERROR)
  target_compile_options(postbinder_warnings INTERFACE -Werror)
endif()
