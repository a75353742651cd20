#include "json_io/value.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "io/decompress.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::json_io {
namespace {

using nlohmann::json;

// How a JSON value's type is named in "expected X, found Y".
std::string type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a floating-point number";
    default: return "a value of another kind";
  }
}

// The line `line` (from 1) of the file, without its line break; empty when
// the file or the line is gone. A compressed file is decompressed again: the
// line is one of the JSON text, as the parser counted it.
std::string line_of_file(const std::string& file, unsigned long line) {
  std::string text;
  try {
    const std::unique_ptr<std::istream> in = io::open_input(file);
    for (unsigned long l = 0; l < line && std::getline(*in, text); ++l) {
    }
    if (!*in) return {};
  } catch (const Diagnostic&) {
    return {};  // the quote is a courtesy: the error itself is what matters
  }
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace

Value::Value(const json& node, const std::string& file, std::string path)
    : node_(&node), file_(&file), path_(std::move(path)) {}

Diagnostic Value::error(const ErrorKind& kind, const std::string& message) const {
  return Diagnostic(kind, SourceLocation{*file_, 0, 0, path_}, message);
}

void Value::fail(const ErrorKind& kind, const std::string& message) const {
  throw error(kind, message);
}

std::string Value::child_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

std::string Value::child_path(std::size_t index) const {
  return path_ + "[" + std::to_string(index) + "]";
}

const Value& Value::object() const {
  if (!node_->is_object())
    fail(errors::wrong_type, "expected an object, found " + type_name(*node_));
  return *this;
}

Value Value::at(std::string_view key) const {
  object();
  auto it = node_->find(key);
  if (it == node_->end()) fail(errors::missing_key, "missing \"" + std::string(key) + "\"");
  return Value(*it, *file_, child_path(key));
}

std::optional<Value> Value::find(std::string_view key) const {
  object();
  auto it = node_->find(key);
  if (it == node_->end()) return std::nullopt;
  return Value(*it, *file_, child_path(key));
}

std::vector<Value> Value::array(std::optional<std::size_t> size, std::string_view shape) const {
  const std::string wanted = !shape.empty() ? std::string(shape)
                             : size         ? "an array of " + std::to_string(*size) + " elements"
                                            : std::string("an array");
  if (!node_->is_array())
    fail(errors::wrong_type, "expected " + wanted + ", found " + type_name(*node_));
  if (size && node_->size() != *size)
    fail(errors::wrong_type,
         "expected " + wanted + ", found an array of " + std::to_string(node_->size()));
  std::vector<Value> out;
  out.reserve(node_->size());
  for (std::size_t i = 0; i < node_->size(); ++i)
    out.emplace_back((*node_)[i], *file_, child_path(i));
  return out;
}

std::vector<std::pair<std::string, Value>> Value::members() const {
  object();
  std::vector<std::pair<std::string, Value>> out;
  for (const auto& [key, value] : node_->items())
    out.emplace_back(key, Value(value, *file_, child_path(key)));
  return out;
}

std::string Value::string() const {
  if (!node_->is_string())
    fail(errors::wrong_type, "expected a string, found " + type_name(*node_));
  return node_->get<std::string>();
}

bool Value::boolean() const {
  if (!node_->is_boolean())
    fail(errors::wrong_type, "expected true or false, found " + type_name(*node_));
  return node_->get<bool>();
}

std::uint64_t Value::whole_number() const {
  if (!node_->is_number_unsigned())
    fail(errors::wrong_type, "expected a non-negative integer, found " +
                                 (node_->is_number() ? node_->dump() : type_name(*node_)));
  return node_->get<std::uint64_t>();
}

std::int64_t Value::integer() const {
  if (!node_->is_number_integer())
    fail(errors::wrong_type,
         "expected an integer, found " + (node_->is_number() ? node_->dump() : type_name(*node_)));
  return node_->get<std::int64_t>();
}

mpq_class Value::rational() const {
  if (node_->is_number_integer()) return mpq_class(node_->dump());
  if (node_->is_number_float())
    fail(errors::bad_number, "JSON floating-point number " + node_->dump() +
                                 " is not exact; write it as a string (\"0.1\", \"1/3\")");
  if (!node_->is_string())
    fail(errors::wrong_type, std::string(rational_expected) + ", found " + type_name(*node_));
  return rational_from_text(node_->get_ref<const std::string&>(), *file_, path_);
}

mpq_class rational_from_text(std::string_view text, const std::string& file,
                             const std::string& path) {
  auto q = numeric::parse_rational(text);
  if (!q)
    throw Diagnostic(errors::bad_number, SourceLocation{file, 0, 0, path}, not_a_rational(text));
  return *q;
}

std::string not_a_rational(std::string_view text) {
  return "'" + std::string(text) + "' is not a rational \"p\", \"p/q\" or decimal";
}

std::array<mpq_class, 2> Value::rational_pair() const {
  const auto both = array(2, pair_expected.substr(std::string_view("expected ").size()));
  return {both[0].rational(), both[1].rational()};
}

json parse_file(const std::string& path, std::string_view what) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw Diagnostic(errors::file_unreadable, SourceLocation{path},
                     "cannot open " + std::string(what) + ": it is a directory");
  const std::unique_ptr<std::istream> in = io::open_input(path, what);
  try {
    return json::parse(*in);
  } catch (const json::exception& e) {
    throw syntax_error(path, e);
  }
}

Diagnostic syntax_error(const std::string& file, const json::exception& e) {
  // nlohmann's message: "[json.exception.parse_error.101] parse error at line
  // L, column C: REST". Plain searches, not std::regex: REST quotes the last
  // token read, which can be long, and libstdc++'s regex recurses per byte.
  const std::string message = e.what();
  const std::string line_word = "parse error at line ", column_word = ", column ";
  const std::size_t line_at = message.find(line_word);
  if (line_at != std::string::npos) {
    char* end = nullptr;
    const unsigned long line = std::strtoul(message.c_str() + line_at + line_word.size(), &end, 10);
    if (std::string_view(end).substr(0, column_word.size()) == column_word) {
      const unsigned long column = std::strtoul(end + column_word.size(), &end, 10);
      if (std::string_view(end).substr(0, 2) == ": " && line > 0)
        return Diagnostic(
            errors::json_syntax,
            SourceLocation{file, static_cast<unsigned>(line), static_cast<unsigned>(column)},
            "not valid JSON: " + std::string(end + 2), line_of_file(file, line));
    }
  }
  // Other messages: drop the "[json.exception.X.N] " tag, keep the rest.
  const std::size_t tag_end = message.find("] ");
  return Diagnostic(
      errors::json_syntax, SourceLocation{file},
      "not valid JSON: " + (tag_end == std::string::npos ? message : message.substr(tag_end + 2)));
}

}  // namespace etr2nn::json_io
