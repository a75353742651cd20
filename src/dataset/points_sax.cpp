#include "dataset/detail/points_sax.hpp"

#include <array>

#include "json_io/point_line.hpp"
#include "json_io/value.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::dataset::detail {

using nlohmann::json;

PointsSax::PointsSax(std::vector<LabelledPoint>& points,
                     std::function<void(const ErrorKind&, const std::string&)> fail)
    : points_(points), fail_(std::move(fail)) {}

void PointsSax::error(const ErrorKind& kind, const std::string& message) const {
  fail_(kind, message);
  throw std::logic_error("PointsSax: fail(errors::inconsistent, ) returned");
}

std::string PointsSax::where() const {
  return "points[" + std::to_string(points_.size()) + "]";
}

// --- DOM outside "points" ---------------------------------------------------

json* PointsSax::slot() {
  if (stack_.empty()) return &root_;
  json& top = *stack_.back();
  if (top.is_array()) {
    top.push_back(nullptr);
    return &top.back();
  }
  return key_slot_;
}

template <class Value>
bool PointsSax::put(Value&& value) {
  *slot() = std::forward<Value>(value);
  points_key_ = false;
  return true;
}

// --- values -----------------------------------------------------------------

// A scalar inside "points"; text is the string's content, or null for any
// other scalar.
bool PointsSax::point_scalar(const std::string* text) {
  const bool pair_member = member_ == "x" || member_ == "y";
  if (points_depth_ == 0)
    error(errors::wrong_type, where() + ": expected an object with \"x\" and \"y\"");
  if (points_depth_ == 1) {
    if (pair_member)
      error(errors::wrong_type,
            where() + "." + member_ + ": " + std::string(json_io::pair_expected));
    return true;  // an ignored member ("xf" is an array, but tolerate others)
  }
  if (points_depth_ > 2 || !pair_member) return true;
  const std::string at = where() + "." + member_ + "[" + std::to_string(pair_index_) + "]";
  if (pair_index_ >= 2)
    error(errors::wrong_type, where() + "." + member_ + ": " + std::string(json_io::pair_expected));
  if (!text) error(errors::wrong_type, at + ": " + std::string(json_io::rational_expected));
  auto q = numeric::parse_rational(*text);
  if (!q) error(errors::bad_number, at + ": " + json_io::not_a_rational(*text));
  if (member_ == "x")
    (pair_index_ == 0 ? current_.x.x : current_.x.y) = std::move(*q);
  else
    (pair_index_ == 0 ? current_.y.out1 : current_.y.out2) = std::move(*q);
  ++pair_index_;
  return true;
}

bool PointsSax::null() {
  if (ignored()) return true;
  return in_points() ? point_scalar(nullptr) : put(nullptr);
}
bool PointsSax::boolean(bool v) {
  if (ignored()) return true;
  return in_points() ? point_scalar(nullptr) : put(v);
}
bool PointsSax::number_integer(number_integer_t v) {
  if (ignored()) return true;
  return in_points() ? point_scalar(nullptr) : put(v);
}
bool PointsSax::number_unsigned(number_unsigned_t v) {
  if (ignored()) return true;
  return in_points() ? point_scalar(nullptr) : put(v);
}
bool PointsSax::number_float(number_float_t v, const string_t&) {
  if (ignored()) return true;
  return in_points() ? point_scalar(nullptr) : put(v);
}
bool PointsSax::string(string_t& v) {
  if (ignored()) return true;
  return in_points() ? point_scalar(&v) : put(std::move(v));
}
bool PointsSax::binary(binary_t& v) {
  if (ignored()) return true;
  return in_points() ? point_scalar(nullptr) : put(json::binary(std::move(v)));
}

// --- containers -------------------------------------------------------------

bool PointsSax::start_object(std::size_t) {
  if (ignored()) return true;
  if (in_points()) {
    if (points_depth_ == 0) {
      current_ = {};
      has_x_ = has_y_ = false;
      member_.clear();
    } else if (points_depth_ >= 1 && (member_ == "x" || member_ == "y") && points_depth_ <= 2) {
      error(errors::wrong_type,
            where() + "." + member_ + ": " + std::string(json_io::pair_expected));
    }
    ++points_depth_;
    return true;
  }
  json* s = slot();
  *s = json::object();
  stack_.push_back(s);
  points_key_ = false;
  return true;
}

bool PointsSax::key(string_t& k) {
  if (ignored()) return true;
  if (in_points()) {
    if (points_depth_ == 1) member_ = k;
    return true;
  }
  key_slot_ = &(*stack_.back())[k];
  points_key_ = stack_.size() == 1 && k == "points";
  return true;
}

bool PointsSax::end_object() {
  if (ignored()) return true;
  if (in_points()) {
    --points_depth_;
    if (points_depth_ == 0) {
      if (!has_x_) error(errors::missing_key, where() + ": missing \"x\"");
      if (!has_y_) error(errors::missing_key, where() + ": missing \"y\"");
      points_.push_back(std::move(current_));
    }
    return true;
  }
  stack_.pop_back();
  return true;
}

bool PointsSax::start_array(std::size_t) {
  if (ignored()) return true;
  if (in_points()) {
    if (points_depth_ == 0)
      error(errors::wrong_type, where() + ": expected an object with \"x\" and \"y\"");
    if (points_depth_ == 1) {
      pair_index_ = 0;
      if (member_ == "x") has_x_ = true;
      if (member_ == "y") has_y_ = true;
    } else if (points_depth_ == 2 && (member_ == "x" || member_ == "y")) {
      error(errors::wrong_type, where() + "." + member_ + "[" + std::to_string(pair_index_) +
                                    "]: expected an exact rational as a string (\"p/q\" or \"p\")");
    }
    ++points_depth_;
    return true;
  }
  json* s = slot();
  *s = json::array();
  if (points_key_) {  // the top-level "points": its elements bypass the DOM
    points_key_ = false;
    points_depth_ = 0;
    if (stop_) throw MetaRead{};
    if (armed_) {
      armed_ = false;
      throw PointsStart{};
    }
    return true;
  }
  stack_.push_back(s);
  return true;
}

bool PointsSax::end_array() {
  if (ignored()) return true;
  if (in_points()) {
    --points_depth_;
    if (points_depth_ == 1 && (member_ == "x" || member_ == "y") && pair_index_ != 2)
      error(errors::wrong_type,
            where() + "." + member_ + ": " + std::string(json_io::pair_expected));
    // points_depth_ == -1: the points array closed; back to the DOM.
    return true;
  }
  stack_.pop_back();
  return true;
}

bool PointsSax::parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
  throw e;
}

namespace {

void parse(std::istream& in, const std::string& name, PointsSax& sax, bool fast) {
  json_io::parse_with_point_lines<PointsSax::PointsStart>(in, name, sax, fast,
                                                          [&](std::array<mpq_class, 4>& q) {
                                                            LabelledPoint p;
                                                            p.x.x.swap(q[0]);
                                                            p.x.y.swap(q[1]);
                                                            p.y.out1.swap(q[2]);
                                                            p.y.out2.swap(q[3]);
                                                            sax.add_point(std::move(p));
                                                          });
}

}  // namespace

void parse_document(std::istream& in, const std::string& name, PointsSax& sax) {
  parse(in, name, sax, true);
}

void parse_document_general(std::istream& in, const std::string& name, PointsSax& sax) {
  parse(in, name, sax, false);
}

bool parse_head(std::istream& in, const std::string& name, PointsSax& sax) {
  sax.stop_at_points();
  try {
    parse(in, name, sax, false);
  } catch (const PointsSax::MetaRead&) {
    return true;
  }
  return false;
}

}  // namespace etr2nn::dataset::detail
