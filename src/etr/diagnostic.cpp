#include "etr/diagnostic.hpp"

#include <algorithm>

namespace etr2nn::etr {
namespace {

std::string headline(const SourceLocation& where, const char* kind, const std::string& message) {
  std::string s = where.file.empty() ? std::string("<input>") : where.file;
  if (where.line > 0) s += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  return s + ": " + kind + ": " + message;
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

Diagnostic::Diagnostic(SourceLocation where, std::string message, std::string source_line)
    : std::runtime_error(headline(where, "error", message)),
      where_(std::move(where)),
      message_(std::move(message)),
      source_line_(std::move(source_line)) {}

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

}  // namespace etr2nn::etr
