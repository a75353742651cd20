// Diagnostic: the one error type of etr2nn's libraries.
//
// Library code throws a Diagnostic (or returns one); only the command-line tool
// prints it, in Clang's form:
//
//     formula.etr:3:14: error: expected a relation (=, <, <=, >, >=, !=) after 'x + y'
//       x * y = 1 and x + y
//                        ^
//
// followed by its notes, each positioned the same way, pointing at what the
// error refers to (where a twice-bound variable was first bound):
//
//     f.etr:1:11: error: variable 'x' is bound twice
//       exists x, x: x = 1
//                 ^
//     f.etr:1:8: note: first bound here
//       exists x, x: x = 1
//              ^
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace etr2nn::etr {

// A position in a source text. line and column count from 1; column counts
// bytes. line == 0 means "no position" (e.g. an error about a whole file).
struct SourceLocation {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
};

class Diagnostic : public std::runtime_error {
 public:
  // source_line: the text of the offending line (without newline), for the caret.
  Diagnostic(SourceLocation where, std::string message, std::string source_line = {});

  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }
  const std::string& source_line() const { return source_line_; }

  struct Note {
    SourceLocation where;
    std::string message;
    std::string source_line;
  };
  Diagnostic& add_note(Note note);
  const std::vector<Note>& notes() const { return notes_; }

  // "file:line:col: error: message" and, when the source line is known, the
  // line and a caret under the column; then each note alike ("note:"). A line
  // longer than kQuotedColumns bytes is quoted as a window of that many bytes
  // around the caret, with "..." for the parts left out.
  std::string render() const;
  static constexpr std::size_t kQuotedColumns = 120;

 private:
  SourceLocation where_;
  std::string message_;
  std::string source_line_;
  std::vector<Note> notes_;
};

}  // namespace etr2nn::etr
