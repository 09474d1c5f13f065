# Sources of the dictionaries area (paths relative to server/): MCC/MNC and code-table routes,
# destination resolution (libphonenumber + the number prefix trie) and number prefix rules/import.
target_sources(backoffice_server_core PRIVATE
    dictionaries/DemoNumberPrefixes.cpp dictionaries/DemoNumberPrefixes.h
    dictionaries/DestinationResolver.cpp dictionaries/DestinationResolver.h
    dictionaries/DictionaryRoutes.cpp dictionaries/DictionaryRoutes.h
    dictionaries/NumberPrefixImport.cpp dictionaries/NumberPrefixImport.h
    dictionaries/NumberPrefixRules.cpp dictionaries/NumberPrefixRules.h
)
# libphonenumber (Debian libphonenumber-dev) ships no pkg-config or CMake file; the shared library
# brings its protobuf, ICU and abseil dependencies along, but its headers need abseil's.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h)
find_library(PHONENUMBER_LIBRARY phonenumber)
if(NOT PHONENUMBER_INCLUDE_DIR OR NOT PHONENUMBER_LIBRARY)
    message(FATAL_ERROR "libphonenumber not found: install the Debian package libphonenumber-dev "
                        "(scripts/test and scripts/demo do)")
endif()
target_include_directories(backoffice_server_core SYSTEM PRIVATE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(backoffice_server_core PRIVATE ${PHONENUMBER_LIBRARY})
