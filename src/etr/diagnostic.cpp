#include "etr/diagnostic.hpp"

#include <algorithm>

namespace etr2nn::etr {
namespace {

std::string headline(const SourceLocation& where, const std::string& message) {
  std::string s = where.file.empty() ? std::string("<input>") : where.file;
  if (where.line > 0) s += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  return s + ": error: " + message;
}

bool continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

Diagnostic::Diagnostic(SourceLocation where, std::string message, std::string source_line)
    : std::runtime_error(headline(where, message)),
      where_(std::move(where)),
      message_(std::move(message)),
      source_line_(std::move(source_line)) {}

std::string Diagnostic::render() const {
  std::string out = what();
  if (where_.line == 0 || source_line_.empty()) return out;
  // Only a window of the line around the caret: a 10 MB one-line input must
  // not put 20 MB (line and caret padding) on stderr.
  const std::size_t size = source_line_.size();
  const std::size_t caret = std::min<std::size_t>(where_.column > 0 ? where_.column - 1 : 0, size);
  std::size_t first = 0, last = size;
  if (size > kQuotedColumns) {
    first = caret > kQuotedColumns / 2 ? caret - kQuotedColumns / 2 : 0;
    last = std::min(size, first + kQuotedColumns);
    first = last - kQuotedColumns;
    // Do not cut a UTF-8 sequence in half.
    while (first > 0 && first < size && continuation_byte(source_line_[first])) ++first;
    while (last < size && last > first && continuation_byte(source_line_[last])) --last;
  }
  const std::string before = first > 0 ? "..." : "";
  out += "\n  " + before + source_line_.substr(first, last - first) + (last < size ? "..." : "") +
         "\n  " + std::string(before.size(), ' ');
  // Keep tabs so the caret lines up under tabbed source.
  for (std::size_t i = first; i < caret && i < last; ++i)
    out += source_line_[i] == '\t' ? '\t' : ' ';
  out += '^';
  return out;
}

}  // namespace etr2nn::etr
