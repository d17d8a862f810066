# cmake -P check_layers.cmake -DSRC=<src dir> -DSTAMP=<file>
# Fails the build when a file under src/<layer>/ includes a header of a layer it may not depend on.
# The layers and their arrows (docs/architecture.md §1): dependencies point inward only —
#   core ← domain ← storage, devices, integrations, export ← service ← http ← api ← app
# storage, devices, integrations and export are siblings: none of them includes another.
cmake_minimum_required(VERSION 3.25)
set(allowed_core core)
set(allowed_domain core domain)
set(allowed_storage core domain storage)
set(allowed_devices core domain devices)
set(allowed_integrations core domain integrations)
set(allowed_export core domain export)
set(allowed_service core domain storage devices integrations export service)
set(allowed_http core domain storage devices integrations export service http)
set(allowed_api core domain storage devices integrations export service http api)
set(allowed_app core domain storage devices integrations export service http api app)
set(layers core domain storage devices integrations export service http api app)

# Known exceptions, each with the reason it still exists; the list only shrinks.
set(exceptions
  # devices → storage/service/http: the YKC session and the OCPP endpoint still write through repositories
  # and report to the service-level charging interface (issue 14: interfaces owned by devices).
  devices/ocpp16/endpoint.cpp devices/ocpp16/endpoint.hpp devices/state_writer.cpp devices/state_writer.hpp
  devices/ykc/server/listener.hpp devices/ykc/server/session.cpp
)

get_filename_component(SRC "${SRC}" ABSOLUTE)
file(GLOB_RECURSE files RELATIVE "${SRC}" "${SRC}/*.cpp" "${SRC}/*.hpp")
set(violations "")
foreach(f IN LISTS files)
  string(REGEX MATCH "^[a-z_]+" layer "${f}")
  if(NOT layer IN_LIST layers)
    list(APPEND violations "${f}: folder '${layer}' is in no layer (add it to cmake/check_layers.cmake)")
    continue()
  endif()
  file(STRINGS "${SRC}/${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]+\"[a-z_]+/")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([a-z_]+)/.*" "\\1" target "${line}")
    if(target IN_LIST layers AND NOT target IN_LIST allowed_${layer} AND NOT "${f}" IN_LIST exceptions)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+" "" what "${line}")
      list(JOIN allowed_${layer} ", " may)
      list(APPEND violations "${f} (${layer}) includes ${what} (${target}), but ${layer} may include only: ${may}")
    endif()
  endforeach()
endforeach()
if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "upward or sideways include (layers: docs/architecture.md §1):\n  ${text}")
endif()
file(WRITE "${STAMP}" "ok\n")
