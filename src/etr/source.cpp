#include "etr/detail/source.hpp"

#include <algorithm>
#include <cstring>

namespace etr2nn::etr {

SourceText::SourceText(std::string_view text, std::string file)
    : text_(text), file_(std::move(file)) {
  line_starts_.push_back(0);
  const char* p = text_.data();
  const char* e = p + text_.size();
  while (p < e) {
    auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)));
    if (!nl) break;
    p = nl + 1;
    line_starts_.push_back(static_cast<std::size_t>(p - text_.data()));
  }
}

SourceLocation SourceText::location(const char* at) const {
  std::size_t offset = static_cast<std::size_t>(at - text_.data());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
  // At the very end, after a final newline: point past the last line instead.
  if (offset == text_.size() && line > 1 && line_starts_[line - 1] == offset) {
    --line;
    std::size_t length = offset - 1 - line_starts_[line - 1];
    if (length > 0 && text_[line_starts_[line - 1] + length - 1] == '\r') --length;
    return {file_, static_cast<unsigned>(line), static_cast<unsigned>(length + 1)};
  }
  return {file_, static_cast<unsigned>(line),
          static_cast<unsigned>(offset - line_starts_[line - 1] + 1)};
}

std::string SourceText::line_text(unsigned line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::size_t first = line_starts_[line - 1];
  std::size_t last = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (last > first && text_[last - 1] == '\r') --last;
  return std::string(text_.substr(first, last - first));
}

const char* SourceText::pointer(const SourceLocation& where) const {
  if (where.line == 0 || where.line > line_starts_.size()) return end();
  std::size_t offset = line_starts_[where.line - 1] + where.column - 1;
  return text_.data() + std::min(offset, text_.size());
}

Diagnostic SourceText::error(const ErrorKind& kind, const char* at, std::string message) const {
  SourceLocation where = location(at);
  std::string line = line_text(where.line);
  return Diagnostic(kind, std::move(where), std::move(message), std::move(line));
}

Diagnostic::Note SourceText::note(const SourceLocation& where, std::string message) const {
  return {where, std::move(message), line_text(where.line)};
}

std::string quote(const char* first, const char* last, std::size_t limit) {
  std::string out;
  bool blank = false;
  for (const char* p = first; p < last; ++p) {
    char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    if (out.size() >= limit) {
      // Do not cut a UTF-8 sequence in half.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
        out.pop_back();
      if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
      return out + "...";
    }
    out += c;
  }
  return out;
}

}  // namespace etr2nn::etr
