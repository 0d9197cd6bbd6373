# postbinder_embed_files(TARGET NAMESPACE FILES...)
# Compiles each file into the binary as a std::string_view so the tool works from any folder;
# users override the embedded defaults at run time (--css, --templates).
function(postbinder_embed_files target)
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/embedded_${target}.cpp)
  set(inputs)
  foreach(file IN LISTS ARGN)
    list(APPEND inputs ${file})
  endforeach()
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${generated} "-DINPUTS=${inputs}" -P ${PROJECT_SOURCE_DIR}/cmake/GenerateEmbedded.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/GenerateEmbedded.cmake
    COMMENT "Embedding templates into ${target}")
  target_sources(${target} PRIVATE ${generated})
endfunction()
