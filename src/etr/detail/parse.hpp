// Reading sentences: the parser driver over both grammars.
//
// The language is chosen by the file name: ".smt2" is SMT-LIB 2 (QF_NRA
// subset), anything else the .etr infix syntax (see docs/syntax.md). Standard
// input ("-") is .etr unless the text starts with "(" after blanks/comments.
// Every syntax or semantic error throws a Diagnostic with file, line, column,
// what was expected, and the source line for the caret.
#pragma once

#include <string>
#include <string_view>

#include "etr/detail/sentence.hpp"

namespace etr2nn::etr {

enum class Language { Etr, SmtLib };

// Inputs may nest at most this deep: parentheses, 'not' and unary '-' in
// .etr, lists in SMT-LIB; and no term or formula of the resulting Sentence is
// deeper. Deeper input is rejected with a positioned error, so that neither
// the parser nor the recursive passes over the AST can overflow the stack.
inline constexpr unsigned max_nesting = 1000;

// SMT-LIB 'let' shares subterms; the Sentence expanded into a tree (as the
// printer writes it) may have at most this many nodes.
inline constexpr unsigned long max_expanded_nodes = 10'000'000;

// Parses text in the given language; `file` names it in diagnostics.
Sentence parse(std::string_view text, Language language, const std::string& file);

// Reads and parses a file ("-" for standard input). I/O errors are Diagnostics
// without a position.
Sentence parse_file(const std::string& path);

// The language parse_file would choose for `path` with contents `text`.
Language language_of(const std::string& path, std::string_view text);

}  // namespace etr2nn::etr
