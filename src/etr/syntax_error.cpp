#include "etr/detail/syntax_error.hpp"

#include <cstdio>
#include <cstring>

namespace etr2nn::etr {
namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '\'';
}

bool number_char(char c) {
  return (c >= '0' && c <= '9') || c == '.';
}

}  // namespace

std::string token_at(const char* at, const char* end) {
  if (at >= end) return {};
  constexpr std::size_t limit = 32;
  auto run = [&](bool (*in)(char)) {
    const char* p = at;
    while (p < end && in(*p) && static_cast<std::size_t>(p - at) < limit) ++p;
    return std::string(at, p);
  };
  unsigned char c = static_cast<unsigned char>(*at);
  if (name_char(*at) && !(c >= '0' && c <= '9')) return run(name_char);
  if (number_char(*at)) return run(number_char);
  if (c >= 0x80) {  // one UTF-8 character (the text was validated)
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    return std::string(at, std::min<std::size_t>(n, static_cast<std::size_t>(end - at)));
  }
  if (c < 0x20 || c == 0x7F) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
    return buffer;
  }
  for (const char* two : {"<=", ">=", "!=", "&&", "||"})
    if (end - at >= 2 && std::memcmp(at, two, 2) == 0) return two;
  return std::string(1, *at);
}

Diagnostic expected_error(const SourceText& source, const char* where, const std::string& what) {
  if (where >= source.end())
    return source.error(errors::syntax, where, "expected " + what + " at end of input");
  std::string found = token_at(where, source.end());
  if (what.find("end of input") != std::string::npos && found == ")")
    return source.error(errors::syntax, where, "unbalanced ')': there is no '(' to close");
  return source.error(errors::syntax, where, "expected " + what + ", found '" + found + "'");
}

Diagnostic nesting_error(const SourceText& source, const char* where, unsigned limit) {
  return source.error(errors::nesting, where,
                      "nested too deeply: more than " + std::to_string(limit) + " levels");
}

}  // namespace etr2nn::etr
