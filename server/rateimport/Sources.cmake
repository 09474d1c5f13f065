# Sources of the rate import: the pure importer (settings, dictionaries, matching, tree building,
# diff), the job that reads an uploaded sheet in a child process, and the routes.
target_sources(backoffice_server_core PRIVATE
    rateimport/CellValues.cpp rateimport/CellValues.h
    rateimport/ColumnResolver.cpp rateimport/ColumnResolver.h
    rateimport/DimensionDictionary.cpp rateimport/DimensionDictionary.h
    rateimport/ImportAnalysis.cpp rateimport/ImportAnalysis.h
    rateimport/ImportMerge.cpp rateimport/ImportMerge.h
    rateimport/ImportSettings.cpp rateimport/ImportSettings.h
    rateimport/ImportTreeDiff.cpp rateimport/ImportTreeDiff.h
    rateimport/RateImporter.cpp rateimport/RateImporter.h
    rateimport/RateImportJobs.cpp rateimport/RateImportJobs.h
    rateimport/RateImportRoutes.cpp rateimport/RateImportRoutes.h
    rateimport/SheetReaderProcess.cpp rateimport/SheetReaderProcess.h
    rateimport/TextSimilarity.cpp rateimport/TextSimilarity.h
)
# The server links the sheet readers only for detectFormat and the answer's wire form; the reading
# itself happens in the backoffice-sheet-reader process (decision 005).
target_link_libraries(backoffice_server_core PRIVATE backoffice_spreadsheet)
add_dependencies(backoffice_server_core backoffice-sheet-reader)
target_compile_definitions(backoffice_server_core PRIVATE
    BACKOFFICE_SHEET_READER_BUILD_PATH="$<TARGET_FILE:backoffice-sheet-reader>")
