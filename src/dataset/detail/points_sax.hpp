// Internal to the dataset reader: a JSON SAX handler that builds an ordinary
// nlohmann::json for the whole document except the top-level "points" array,
// whose elements it turns into LabelledPoints directly, as they are parsed.
//
// Why: a JSON object per point costs a dozen allocations; building them was
// four fifths of reading a large dataset. The rest of the document (header,
// meta) is small and easiest to check as a DOM. Points in the writer's own
// one-per-line form skip even the tokenizer (parse_document below).
#pragma once

#include <functional>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dataset/detail/dataset.hpp"
#include "diagnostic/diagnostic.hpp"

namespace etr2nn::dataset::detail {

class PointsSax : public nlohmann::json::json_sax_t {
 public:
  // fail(kind, message) must throw; messages name the point: "points[3].x[1]: ...".
  PointsSax(std::vector<LabelledPoint>& points,
            std::function<void(const ErrorKind&, const std::string&)> fail);

  // The document without the elements of "points" (an empty array there).
  nlohmann::json& root() { return root_; }

  bool null() override;
  bool boolean(bool value) override;
  bool number_integer(number_integer_t value) override;
  bool number_unsigned(number_unsigned_t value) override;
  bool number_float(number_float_t value, const string_t& text) override;
  bool string(string_t& value) override;
  bool binary(binary_t& value) override;
  bool start_object(std::size_t size) override;
  bool key(string_t& key) override;
  bool end_object() override;
  bool start_array(std::size_t size) override;
  bool end_array() override;
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& error) override;

  // The fast path's hooks (json_io/point_line.hpp; parse_document drives
  // them). arm(): throw PointsStart when the top-level "points" opens.
  // ignore(n): skip the next n events (the resume prefix's). add_point(): a
  // point read by the fast path, as if parsed here.
  struct PointsStart {};
  void arm() { armed_ = true; }
  void ignore(int events) { ignore_ = events; }
  void add_point(LabelledPoint point) { points_.push_back(std::move(point)); }
  // stop_at_points(): throw MetaRead when the top-level "points" opens, for
  // a reader that wants only what comes before the points (parse_head).
  struct MetaRead {};
  void stop_at_points() { stop_ = true; }

 private:
  bool ignored() {
    if (ignore_ == 0) return false;
    --ignore_;
    return true;
  }

  // DOM building (outside "points").
  nlohmann::json* slot();
  template <class Value>
  bool put(Value&& value);

  // Inside "points": depth 0 is the array, 1 a point object, 2 a member's
  // value array, deeper only inside members we ignore.
  bool in_points() const { return points_depth_ >= 0; }
  bool point_scalar(const std::string* text);
  std::string where() const;
  [[noreturn]] void error(const ErrorKind& kind, const std::string& message) const;

  std::vector<LabelledPoint>& points_;
  std::function<void(const ErrorKind&, const std::string&)> fail_;
  nlohmann::json root_;
  std::vector<nlohmann::json*> stack_;
  nlohmann::json* key_slot_ = nullptr;
  bool points_key_ = false;  // the last root-level key was "points"

  int points_depth_ = -1;
  std::string member_;  // the current point member ("x", "y", other)
  int pair_index_ = 0;  // elements seen in the member's array
  bool has_x_ = false, has_y_ = false;
  LabelledPoint current_;
  bool armed_ = false;
  bool stop_ = false;
  int ignore_ = 0;
};

// Parses a whole dataset document into sax: the general parser up to the
// top-level "points"'s '[', the points in the writer's one-per-line form
// without the tokenizer, then the general parser again from the first line
// that is not in that form (check/read_dataset.cpp does the same). Syntax
// errors are Diagnostics at the file's line and column, `name` naming it, and
// they and every other error are exactly those of a general parse.
void parse_document(std::istream& in, const std::string& name, PointsSax& sax);
// The general parser alone: the reference the tests compare with.
void parse_document_general(std::istream& in, const std::string& name, PointsSax& sax);
// The document up to the top-level "points"'s '[' only: true when it got
// there (sax.root() then holds everything before, "points" an empty array),
// false when the whole document was parsed without meeting it. Syntax
// errors before that point are those of parse_document.
bool parse_head(std::istream& in, const std::string& name, PointsSax& sax);

}  // namespace etr2nn::dataset::detail
