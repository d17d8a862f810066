# Embeds src/storage/migrations/NNNN_name.sql into the binary, regenerated when any file changes.
function(zc_embed_migrations out_var)
  file(GLOB sql_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/storage/migrations/*.sql)
  list(SORT sql_files)
  set(out ${CMAKE_BINARY_DIR}/generated/migrations_embedded.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFILES="${sql_files}" -P ${CMAKE_SOURCE_DIR}/cmake/write_migrations.cmake
    DEPENDS ${sql_files} ${CMAKE_SOURCE_DIR}/cmake/write_migrations.cmake
    COMMENT "Embedding SQL migrations")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
