// Diagnostic: the one error type of etr2nn's libraries.
//
// Library code throws a Diagnostic for every error a user can cause (a
// malformed formula or file, values that are not a solution, a limit); only
// the command-line tool prints it, always in one shape, Clang's:
//
//     formula.etr:3:14: error: expected a relation (=, <, <=, >, >=, !=) after 'x + y' [syntax]
//       x * y = 1 and x + y
//                        ^
//
// The bracketed word is the error's stable id (docs/errors.md lists them all;
// scripts may match on it, so an id is never renamed or reused). A position
// inside a JSON file is a JSON path, since a JSON document has no lines worth
// quoting:
//
//     N.json: error: neurons[0].a[1]: 'x' is not a rational "p", "p/q" or decimal [bad-number]
//
// Notes follow, each positioned the same way, pointing at what the error
// refers to (where a twice-bound variable was first bound):
//
//     f.etr:1:11: error: variable 'x' is bound twice [bound-twice]
//       exists x, x: x = 1
//                 ^
//     f.etr:1:8: note: first bound here
//
// An error without a file (a value that is not a solution, say) prints as
// "error: ..." and the tool puts the command's name in front.
//
// Bugs in etr2nn itself are not Diagnostics: they stay std::logic_error and
// the tool prints them as "internal error" with the id `internal`.
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace etr2nn {

// A kind of error: its stable id and a one-line summary (docs/errors.md has
// one section per id, with an example and what to do).
struct ErrorKind {
  std::string_view id;
  std::string_view summary;
};

// The catalogue. Adding a kind means adding it here, to all_error_kinds() and
// to docs/errors.md (a test compares the two).
namespace errors {
inline constexpr ErrorKind usage{"usage", "the command line is malformed"};
inline constexpr ErrorKind limit{"limit", "the work would exceed a documented limit"};
inline constexpr ErrorKind file_unreadable{"file-unreadable", "an input file cannot be read"};
inline constexpr ErrorKind file_unwritable{"file-unwritable", "an output file cannot be written"};
inline constexpr ErrorKind invalid_utf8{"invalid-utf8", "a formula file is not UTF-8 text"};
inline constexpr ErrorKind syntax{"syntax", "the formula does not follow the grammar"};
inline constexpr ErrorKind nesting{"nesting-too-deep", "the formula nests too deeply"};
inline constexpr ErrorKind invalid_formula{"invalid-formula",
                                           "the formula parses but means nothing etr2nn accepts"};
inline constexpr ErrorKind bound_twice{"bound-twice", "a variable is bound or declared twice"};
inline constexpr ErrorKind unbound_variable{"unbound-variable", "a variable is used but not bound"};
inline constexpr ErrorKind compressed_data{"compressed-data",
                                           "a compressed input is truncated or corrupt"};
inline constexpr ErrorKind json_syntax{"json-syntax", "a JSON file is not valid JSON"};
inline constexpr ErrorKind file_kind{"file-kind",
                                     "a JSON file is not the kind or version the command reads"};
inline constexpr ErrorKind missing_key{"missing-key", "a JSON object lacks a required key"};
inline constexpr ErrorKind wrong_type{"wrong-type", "a JSON value has the wrong type or shape"};
inline constexpr ErrorKind bad_number{"bad-number", "a value is not an exact number"};
inline constexpr ErrorKind inconsistent{"inconsistent", "a file contradicts itself"};
inline constexpr ErrorKind unsound_layout{"unsound-layout",
                                          "a dataset's layout fails the hardness checks N1-N7"};
inline constexpr ErrorKind missing_meta{"missing-meta",
                                        "a dataset lacks the meta the command needs"};
inline constexpr ErrorKind assignment_mismatch{
    "assignment-mismatch", "the given values do not name exactly the variables needed"};
inline constexpr ErrorKind not_a_solution{"not-a-solution",
                                          "the given values do not satisfy the formula"};
inline constexpr ErrorKind unsatisfiable{"unsatisfiable",
                                         "a witness is asked for a formula that is false"};
inline constexpr ErrorKind no_solution_found{"no-solution-found",
                                             "the solver found no solution within its limit"};
inline constexpr ErrorKind sentence_mismatch{
    "sentence-mismatch", "a dataset's recorded sentence does not give its instance"};
inline constexpr ErrorKind solver_failed{"solver-failed", "the solver stopped with an error"};
inline constexpr ErrorKind system{"system", "the operating system refused a request"};
inline constexpr ErrorKind internal{"internal", "a bug in etr2nn"};
}  // namespace errors

std::span<const ErrorKind> all_error_kinds();

// A position in a source text. line and column count from 1; column counts
// bytes. line == 0 means "no line" (an error about a whole file, or about the
// value at json_path inside a JSON file).
struct SourceLocation {
  SourceLocation() = default;
  SourceLocation(std::string file, unsigned line = 0, unsigned column = 0,
                 std::string json_path = {})
      : file(std::move(file)), line(line), column(column), json_path(std::move(json_path)) {}

  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string json_path;  // "neurons[3].b", or empty
};

class Diagnostic : public std::runtime_error {
 public:
  // source_line: the text of the offending line (without newline), for the caret.
  Diagnostic(const ErrorKind& kind, SourceLocation where, std::string message,
             std::string source_line = {});
  // An error about no file in particular.
  Diagnostic(const ErrorKind& kind, std::string message);

  const ErrorKind& kind() const { return *kind_; }
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

  // The same error with `file` as its file when it has none: readers of
  // in-memory JSON do not know the file's name; the function that opened it
  // does.
  Diagnostic in_file(const std::string& file) const;
  // The same error with `context` put before its message ("witness mode
  // needs a solution: ..."), for a caller that knows why the work was done.
  Diagnostic prefixed(const std::string& context) const;

  // "file:line:col: error: message [id]" and, when the source line is known,
  // the line and a caret under the column; then each note alike ("note:"). A
  // line longer than kQuotedColumns bytes is quoted as a window of that many
  // bytes around the caret, with "..." for the parts left out.
  std::string render() const;
  static constexpr std::size_t kQuotedColumns = 120;

 private:
  const ErrorKind* kind_;
  SourceLocation where_;
  std::string message_;
  std::string source_line_;
  std::vector<Note> notes_;
};

}  // namespace etr2nn
