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

#include "etr/sentence.hpp"

namespace etr2nn::etr {

enum class Language { Etr, SmtLib };

// Parses text in the given language; `file` names it in diagnostics.
Sentence parse(std::string_view text, Language language, const std::string& file);

// Reads and parses a file ("-" for standard input). I/O errors are Diagnostics
// without a position.
Sentence parse_file(const std::string& path);

}  // namespace etr2nn::etr
