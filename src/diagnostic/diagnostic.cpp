#include "diagnostic/diagnostic.hpp"

#include <algorithm>

namespace etr2nn {
namespace {

// "file:line:col: error: " (or "file: error: path: ", or "error: " without a
// file) and the message.
std::string headline(const SourceLocation& where, const char* severity,
                     const std::string& message) {
  std::string s = where.file;
  if (where.line > 0) s += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  if (!s.empty()) s += ": ";
  s += std::string(severity) + ": ";
  if (!where.json_path.empty()) s += where.json_path + ": ";
  return s + message;
}

std::string with_id(std::string headline, const ErrorKind& kind) {
  return headline + " [" + std::string(kind.id) + "]";
}

bool continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The quoted source line and the caret under `where`'s column, or nothing.
std::string excerpt(const SourceLocation& where, const std::string& line) {
  constexpr std::size_t width = Diagnostic::kQuotedColumns;
  if (where.line == 0 || line.empty()) return {};
  // Only a window of the line around the caret: a 10 MB one-line input must
  // not put 20 MB (line and caret padding) on stderr.
  const std::size_t size = line.size();
  const std::size_t caret = std::min<std::size_t>(where.column > 0 ? where.column - 1 : 0, size);
  std::size_t first = 0, last = size;
  if (size > width) {
    first = caret > width / 2 ? caret - width / 2 : 0;
    last = std::min(size, first + width);
    first = last - width;
    // Do not cut a UTF-8 sequence in half.
    while (first > 0 && first < size && continuation_byte(line[first])) ++first;
    while (last < size && last > first && continuation_byte(line[last])) --last;
  }
  const std::string before = first > 0 ? "..." : "";
  std::string out = "\n  " + before + line.substr(first, last - first) +
                    (last < size ? "..." : "") + "\n  " + std::string(before.size(), ' ');
  // Keep tabs so the caret lines up under tabbed source.
  for (std::size_t i = first; i < caret && i < last; ++i) out += line[i] == '\t' ? '\t' : ' ';
  out += '^';
  return out;
}

}  // namespace

std::span<const ErrorKind> all_error_kinds() {
  using namespace errors;
  static const ErrorKind kinds[] = {usage,
                                    limit,
                                    file_unreadable,
                                    file_unwritable,
                                    invalid_utf8,
                                    syntax,
                                    nesting,
                                    invalid_formula,
                                    bound_twice,
                                    unbound_variable,
                                    json_syntax,
                                    compressed_data,  // src/io/decompress.cpp
                                    file_kind,
                                    missing_key,
                                    wrong_type,
                                    bad_number,
                                    inconsistent,
                                    unsound_layout,
                                    missing_meta,
                                    assignment_mismatch,
                                    not_a_solution,
                                    unsatisfiable,
                                    no_solution_found,
                                    sentence_mismatch,
                                    solver_failed,
                                    system,
                                    internal};
  return kinds;
}

Diagnostic::Diagnostic(const ErrorKind& kind, SourceLocation where, std::string message,
                       std::string source_line)
    : std::runtime_error(with_id(headline(where, "error", message), kind)),
      kind_(&kind),
      where_(std::move(where)),
      message_(std::move(message)),
      source_line_(std::move(source_line)) {}

Diagnostic::Diagnostic(const ErrorKind& kind, std::string message)
    : Diagnostic(kind, SourceLocation{}, std::move(message)) {}

Diagnostic Diagnostic::in_file(const std::string& file) const {
  if (!where_.file.empty()) return *this;
  SourceLocation where = where_;
  where.file = file;
  Diagnostic out(*kind_, std::move(where), message_, source_line_);
  out.notes_ = notes_;
  return out;
}

Diagnostic Diagnostic::prefixed(const std::string& context) const {
  Diagnostic out(*kind_, where_, context + message_, source_line_);
  out.notes_ = notes_;
  return out;
}

Diagnostic& Diagnostic::add_note(Note note) {
  notes_.push_back(std::move(note));
  return *this;
}

std::string Diagnostic::render() const {
  std::string out = what() + excerpt(where_, source_line_);
  for (const Note& n : notes_)
    out += "\n" + headline(n.where, "note", n.message) + excerpt(n.where, n.source_line);
  return out;
}

}  // namespace etr2nn
