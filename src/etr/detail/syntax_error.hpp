// Turning the grammars' failures into Diagnostics (see grammar/error_handler.hpp).
#pragma once

#include <string>

#include "diagnostic/diagnostic.hpp"
#include "etr/detail/source.hpp"

namespace etr2nn::etr {

// "expected WHAT, found 'TOKEN'" (or "... at end of input") at `where`.
// `what` is the name of the rule that did not match ("a term", "')'").
Diagnostic expected_error(const SourceText& source, const char* where, const std::string& what);

// The input nests deeper than `limit` levels at `where`.
Diagnostic nesting_error(const SourceText& source, const char* where, unsigned limit);

// The token that starts at `at`, for "found '...'": a name, a number, an
// operator, one UTF-8 character, or a control byte as \xNN.
std::string token_at(const char* at, const char* end);

}  // namespace etr2nn::etr
