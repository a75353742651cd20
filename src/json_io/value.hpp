// The one reader of etr2nn's JSON files (networks, assignments, the meta of
// datasets, number fields): a value inside a named file that knows its JSON
// path, so that every complaint about a file's contents is a Diagnostic in one
// shape, naming the file, the path and what was expected:
//
//     N.json: error: neurons[4].v[1]: '1/0' is not a rational "p", "p/q" or decimal [bad-number]
//
// Wording lives here once: "expected an object", "missing \"key\"", how an
// exact rational is written. Readers ask for what they need (at("c"),
// rational(), array(2)) and get either the value or that Diagnostic.
//
// Datasets' points are read by streaming SAX parsers (dataset/points_sax,
// check/read_dataset) that never build a document; they share only
// syntax_error() from here, so JSON syntax errors are worded alike too.
#pragma once

#include <gmpxx.h>

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn::json_io {

// A node of a parsed document, borrowed (the document and the file name must
// outlive it), with its path from the root: "" for the root, then "c",
// "neurons[3]", "neurons[3].a[0]".
class Value {
 public:
  Value(const nlohmann::json& node, const std::string& file, std::string path = {});

  const nlohmann::json& raw() const { return *node_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return *file_; }

  // The Diagnostic for this value (file + path + message), to throw or extend.
  Diagnostic error(const ErrorKind& kind, const std::string& message) const;
  [[noreturn]] void fail(const ErrorKind& kind, const std::string& message) const;

  // Shapes; each one fails with wrong-type (or missing-key) naming what it expected.
  const Value& object() const;  // this, checked to be an object
  Value at(std::string_view key) const;
  std::optional<Value> find(std::string_view key) const;  // absent key: nullopt
  // The elements of an array; `size`, when given, is the exact length asked
  // for and `shape` how the error describes it ("a pair [x, y]").
  std::vector<Value> array(std::optional<std::size_t> size = {}, std::string_view shape = {}) const;
  std::vector<std::pair<std::string, Value>> members() const;  // of an object, in file order

  // Scalars.
  std::string string() const;
  bool boolean() const;
  std::uint64_t whole_number() const;  // a JSON integer >= 0
  std::int64_t integer() const;
  // An exact rational: a string "p", "p/q" or exact decimal "0.25", or a JSON
  // integer. A JSON float is refused: its binary value is not the decimal the
  // author meant.
  mpq_class rational() const;
  std::array<mpq_class, 2> rational_pair() const;

 private:
  std::string child_path(std::string_view key) const;
  std::string child_path(std::size_t index) const;

  const nlohmann::json* node_;
  const std::string* file_;
  std::string path_;
};

// The wording shared with the streaming readers, which report through their
// own callbacks: "'x' is not a rational ..." and what a rational looks like.
std::string not_a_rational(std::string_view text);
inline constexpr std::string_view rational_expected =
    "expected an exact rational as a string \"p/q\" or \"p\"";
inline constexpr std::string_view pair_expected = "expected a pair [\"p/q\", \"p/q\"]";

// The exact rational a string holds, or the bad-number Diagnostic Value::rational
// throws, at `path` of `file`: for the streaming readers, which hold no Value.
mpq_class rational_from_text(std::string_view text, const std::string& file,
                             const std::string& path);

// A whole JSON file, read into memory: file-unreadable when it cannot be
// opened, json-syntax (with line, column and the line quoted) when it is not
// JSON. `what` names the file's role for the first ("the network file").
nlohmann::json parse_file(const std::string& path, std::string_view what);

// The json-syntax Diagnostic for a parse error of nlohmann's in `file`:
// positioned at the line and column the library reports, with that line
// quoted from the file (read again, line by line, only to report).
Diagnostic syntax_error(const std::string& file, const nlohmann::json::exception& e);

}  // namespace etr2nn::json_io
