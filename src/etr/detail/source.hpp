// SourceText: a text being parsed, and how to point into it.
//
// Turns a pointer into the text into file:line:column (columns count bytes,
// as diagnostic.hpp says) and builds positioned Diagnostics with the source
// line for the caret. The line index is built once, so each lookup is a
// binary search, and every AST node can carry its location cheaply.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::etr {

class SourceText {
 public:
  SourceText(std::string_view text, std::string file);

  std::string_view text() const { return text_; }
  const char* begin() const { return text_.data(); }
  const char* end() const { return text_.data() + text_.size(); }
  const std::string& file() const { return file_; }

  // `at` must lie in [begin(), end()]. The end of a text that ends in a
  // newline is reported at the end of its last line, where the reader looks.
  SourceLocation location(const char* at) const;
  std::string line_text(unsigned line) const;  // without the line break
  // The inverse of location() for a position in this text.
  const char* pointer(const SourceLocation& where) const;

  Diagnostic error(const ErrorKind& kind, const char* at, std::string message) const;
  // A note for a Diagnostic, pointing at `where` in this text.
  Diagnostic::Note note(const SourceLocation& where, std::string message) const;

 private:
  std::string_view text_;
  std::string file_;
  std::vector<std::size_t> line_starts_;  // offsets of the first byte of each line
};

// Source text between two pointers, for quoting in messages: blanks and line
// breaks collapse to one space; long texts are cut to `limit` bytes plus "...".
std::string quote(const char* first, const char* last, std::size_t limit = 40);

}  // namespace etr2nn::etr
