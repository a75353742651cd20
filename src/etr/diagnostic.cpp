#include "etr/diagnostic.hpp"

namespace etr2nn::etr {
namespace {

std::string headline(const SourceLocation& where, const std::string& message) {
  std::string s = where.file.empty() ? std::string("<input>") : where.file;
  if (where.line > 0) s += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  return s + ": error: " + message;
}

}  // namespace

Diagnostic::Diagnostic(SourceLocation where, std::string message, std::string source_line)
    : std::runtime_error(headline(where, message)),
      where_(std::move(where)),
      message_(std::move(message)),
      source_line_(std::move(source_line)) {}

std::string Diagnostic::render() const {
  std::string out = what();
  if (where_.line > 0 && !source_line_.empty()) {
    out += "\n  " + source_line_ + "\n  ";
    // Keep tabs so the caret lines up under tabbed source.
    for (unsigned i = 1; i < where_.column && i - 1 < source_line_.size(); ++i)
      out += source_line_[i - 1] == '\t' ? '\t' : ' ';
    out += '^';
  }
  return out;
}

}  // namespace etr2nn::etr
