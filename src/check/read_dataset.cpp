#include "check/detail/read_dataset.hpp"

#include <array>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <utility>

#include "diagnostic/diagnostic.hpp"
#include "io/decompress.hpp"
#include "json_io/point_line.hpp"
#include "json_io/value.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::check {
namespace {

using nlohmann::json;

const std::string pair_expected(json_io::pair_expected);
const std::string rational_expected(json_io::rational_expected);

using Fail = std::function<void(const ErrorKind&, const std::string&)>;  // must throw

// Thrown by DatasetSax when the top-level "points" array opens and the fast
// path is armed: the general parse stops right behind the '['.
struct PointsStart {};

// SAX handler for a whole dataset file. The top-level members verification
// needs, except "points", are collected into a small DOM (header()); the
// elements of "points" are converted on the fly and handed to the sink; every
// other member (the meta) is skipped by counting brackets.
class DatasetSax : public json::json_sax_t {
 public:
  DatasetSax(const PointSink& sink, Fail fail) : sink_(sink), fail_(std::move(fail)) {}

  const json& header() const { return header_; }
  std::size_t points() const { return count_; }
  bool saw_points() const { return saw_points_; }
  const std::set<Label>& used_labels() const { return used_; }

  bool null() override {
    if (ignored()) return true;
    return scalar(json(nullptr), nullptr);
  }
  bool boolean(bool v) override {
    if (ignored()) return true;
    return scalar(json(v), nullptr);
  }
  bool number_integer(number_integer_t v) override {
    if (ignored()) return true;
    return scalar(json(v), nullptr);
  }
  bool number_unsigned(number_unsigned_t v) override {
    if (ignored()) return true;
    return scalar(json(v), nullptr);
  }
  bool number_float(number_float_t v, const string_t&) override {
    if (ignored()) return true;
    return scalar(json(v), nullptr);
  }
  bool string(string_t& v) override {
    if (ignored()) return true;
    if (region_ == Region::Points) return point_scalar(&v);
    return scalar(json(std::move(v)), nullptr);
  }
  bool binary(binary_t&) override {
    if (ignored()) return true;
    return scalar(json(nullptr), nullptr);
  }

  bool start_object(std::size_t) override { return ignored() || start(true); }
  bool start_array(std::size_t) override { return ignored() || start(false); }
  bool end_object() override { return ignored() || end(true); }
  bool end_array() override { return ignored() || end(false); }

  bool key(string_t& k) override {
    if (ignored()) return true;
    switch (region_) {
      case Region::Top:
        key_ = k;
        if (k == "points") {
          if (saw_points_) error(errors::inconsistent, "\"points\" appears twice");
          pending_ = Pending::Points;
        } else {
          pending_ = header_member(k) ? Pending::Header : Pending::Skip;
        }
        break;
      case Region::Header: dom_key_ = &(*stack_.back())[k]; break;
      case Region::Points:
        if (skip_ == 0 && depth_ == 1) member_ = k;
        break;
      default: break;
    }
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    throw e;
  }

  // The fast path (json_io/point_line.hpp). arm(): throw PointsStart when
  // "points" opens. ignore(n): skip the next n events (the resume prefix).
  // add_point(): a point read by the fast path, as if parsed here.
  void arm() { armed_ = true; }
  void ignore(int events) { ignore_ = events; }
  void add_point(const LabelledPoint& p) {
    use(p.y);
    sink_(count_, p);
    ++count_;
  }

 private:
  enum class Region { BeforeRoot, Top, Header, Skip, Points, AfterRoot };
  enum class Pending { Header, Skip, Points };

  bool ignored() {
    if (ignore_ == 0) return false;
    --ignore_;
    return true;
  }

  // used_ gets every label; the few distinct ones of a valid dataset are
  // found first in a short list, without a std::set lookup per point.
  void use(const Label& y) {
    for (const Label& l : recent_)
      if (l == y) return;
    used_.insert(y);
    if (recent_.size() < 16) recent_.push_back(y);
  }

  static bool header_member(const std::string& key) {
    for (const char* k :
         {"format", "version", "inputs", "outputs", "hidden_neurons", "target_error", "labels"})
      if (key == k) return true;
    return false;
  }

  [[noreturn]] void error(const ErrorKind& kind, const std::string& message) const {
    fail_(kind, message);
    throw std::logic_error("check::read_dataset: fail(errors::inconsistent, ) returned");
  }
  std::string at() const { return "points[" + std::to_string(count_) + "]"; }
  std::string at_member() const { return at() + "." + member_; }
  std::string at_coordinate() const {
    return at_member() + "[" + std::to_string(coordinate_) + "]";
  }
  bool pair_member() const { return member_ == "x" || member_ == "y"; }

  // --- outside "points" ------------------------------------------------------

  // The slot the next header value goes to.
  json* slot() {
    json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(nullptr);
      return &top.back();
    }
    return dom_key_;
  }

  bool scalar(json value, const std::string* text) {
    switch (region_) {
      case Region::BeforeRoot: error(errors::wrong_type, "expected a JSON object at the top level");
      case Region::Top:
        if (pending_ == Pending::Points) error(errors::wrong_type, "\"points\" must be an array");
        if (pending_ == Pending::Header) header_[key_] = std::move(value);
        return true;
      case Region::Header: *slot() = std::move(value); return true;
      case Region::Skip: return true;
      case Region::Points: return point_scalar(text);
      case Region::AfterRoot: return true;  // the parser rejects trailing values itself
    }
    return true;
  }

  bool start(bool object) {
    switch (region_) {
      case Region::BeforeRoot:
        if (!object) error(errors::wrong_type, "expected a JSON object at the top level");
        region_ = Region::Top;
        return true;
      case Region::Top:
        if (pending_ == Pending::Points) {
          if (object) error(errors::wrong_type, "\"points\" must be an array");
          saw_points_ = true;
          region_ = Region::Points;
          depth_ = 0;
          skip_ = 0;
          if (armed_) {
            armed_ = false;
            throw PointsStart{};
          }
        } else if (pending_ == Pending::Header) {
          json& value = header_[key_];
          value = object ? json::object() : json::array();
          stack_.assign(1, &value);
          region_ = Region::Header;
        } else {
          skip_ = 1;
          region_ = Region::Skip;
        }
        return true;
      case Region::Header: {
        json* s = slot();
        *s = object ? json::object() : json::array();
        stack_.push_back(s);
        return true;
      }
      case Region::Skip: ++skip_; return true;
      case Region::Points: return point_start(object);
      case Region::AfterRoot: return true;
    }
    return true;
  }

  bool end(bool object) {
    switch (region_) {
      case Region::Top: region_ = Region::AfterRoot; return true;
      case Region::Header:
        stack_.pop_back();
        if (stack_.empty()) region_ = Region::Top;
        return true;
      case Region::Skip:
        if (--skip_ == 0) region_ = Region::Top;
        return true;
      case Region::Points: return point_end(object);
      default: return true;
    }
  }

  // --- inside "points" -------------------------------------------------------
  // depth_: 0 in the array, 1 in a point object, 2 in its "x" or "y" pair.
  // skip_ > 0: inside another member's value, ignored.

  bool point_scalar(const std::string* text) {
    if (skip_ > 0) return true;
    if (depth_ == 0) error(errors::wrong_type, at() + ": expected an object with \"x\" and \"y\"");
    if (depth_ == 1) {
      if (pair_member()) error(errors::wrong_type, at_member() + ": " + pair_expected);
      return true;  // another member, ignored
    }
    if (coordinate_ >= 2) error(errors::wrong_type, at_member() + ": " + pair_expected);
    if (!text) error(errors::wrong_type, at_coordinate() + ": " + rational_expected);
    auto q = numeric::parse_rational(*text);
    if (!q) error(errors::bad_number, at_coordinate() + ": " + json_io::not_a_rational(*text));
    mpq_class& target = member_ == "x" ? (coordinate_ == 0 ? point_.x.x : point_.x.y)
                                       : (coordinate_ == 0 ? point_.y.out1 : point_.y.out2);
    target = std::move(*q);
    ++coordinate_;
    return true;
  }

  bool point_start(bool object) {
    if (skip_ > 0) {
      ++skip_;
      return true;
    }
    if (depth_ == 0) {
      if (!object) error(errors::wrong_type, at() + ": expected an object with \"x\" and \"y\"");
      point_ = {};
      has_x_ = has_y_ = false;
      member_.clear();
      depth_ = 1;
      return true;
    }
    if (depth_ == 1) {
      if (!pair_member()) {
        skip_ = 1;
        return true;
      }
      if (object) error(errors::wrong_type, at_member() + ": " + pair_expected);
      (member_ == "x" ? has_x_ : has_y_) = true;
      coordinate_ = 0;
      depth_ = 2;
      return true;
    }
    error(errors::wrong_type, at_coordinate() + ": " + rational_expected);
  }

  bool point_end(bool object) {
    if (skip_ > 0) {
      --skip_;
      return true;
    }
    if (depth_ == 0) {  // the end of "points"
      region_ = Region::Top;
      return true;
    }
    if (depth_ == 2) {
      if (coordinate_ != 2) error(errors::wrong_type, at_member() + ": " + pair_expected);
      depth_ = 1;
      return true;
    }
    (void)object;  // depth 1: the point object closes
    if (!has_x_) error(errors::missing_key, at() + ": missing \"x\"");
    if (!has_y_) error(errors::missing_key, at() + ": missing \"y\"");
    use(point_.y);
    sink_(count_, point_);
    ++count_;
    depth_ = 0;
    return true;
  }

  const PointSink& sink_;
  Fail fail_;
  Region region_ = Region::BeforeRoot;
  Pending pending_ = Pending::Skip;
  std::string key_;  // the current top-level key
  json header_ = json::object();
  std::vector<json*> stack_;  // open header containers
  json* dom_key_ = nullptr;

  bool saw_points_ = false;
  int depth_ = 0;
  int skip_ = 0;
  std::string member_;
  int coordinate_ = 0;
  bool has_x_ = false, has_y_ = false;
  LabelledPoint point_;
  std::size_t count_ = 0;
  std::set<Label> used_;
  std::vector<Label> recent_;
  bool armed_ = false;
  int ignore_ = 0;
};

// Checks of the header members, with read.cpp's wording (the messages users know).
class HeaderCheck {
 public:
  HeaderCheck(const json& header, Fail fail) : header_(header), fail_(std::move(fail)) {}

  [[noreturn]] void error(const ErrorKind& kind, const std::string& message) const {
    fail_(kind, message);
    throw std::logic_error("check::read_dataset: fail(errors::inconsistent, ) returned");
  }

  const json& member(const char* key) const {
    auto it = header_.find(key);
    if (it == header_.end())
      error(errors::missing_key, std::string("top level: missing \"") + key + "\"");
    return *it;
  }

  mpq_class rational(const json& j, const std::string& where) const {
    if (!j.is_string()) error(errors::wrong_type, where + ": " + rational_expected);
    auto q = numeric::parse_rational(j.get<std::string>());
    if (!q) error(errors::bad_number, where + ": " + json_io::not_a_rational(j.get<std::string>()));
    return *q;
  }

  DatasetHeader check(const DatasetSax& sax) const {
    const json& format = member("format");
    if (format != "etr2nn-dataset")
      error(errors::file_kind, "not an etr2nn dataset: \"format\" is " + format.dump());
    // Versions 1 and 2 differ only in the meta, which is not read here.
    const json& version = member("version");
    if (version != 1 && version != 2)
      error(errors::file_kind,
            "unsupported version " + version.dump() + " (the checker reads versions 1 and 2)");
    if (member("inputs") != 2 || member("outputs") != 2)
      error(errors::inconsistent, "\"inputs\" and \"outputs\" must both be 2");
    DatasetHeader h;
    const json& m = member("hidden_neurons");
    if (!m.is_number_unsigned())
      error(errors::wrong_type, "hidden_neurons: expected a non-negative integer");
    h.hidden_neurons = m.get<std::size_t>();
    if (rational(member("target_error"), "target_error") != 0)
      error(errors::inconsistent,
            "target_error must be \"0\": etr2nn datasets ask for an exact fit");
    if (!sax.saw_points()) error(errors::missing_key, "top level: missing \"points\"");
    const json& labels = member("labels");
    if (!labels.is_array()) error(errors::wrong_type, "\"labels\" must be an array");
    std::set<Label> declared;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const std::string where = "labels[" + std::to_string(i) + "]";
      const json& l = labels[i];
      if (!l.is_array() || l.size() != 2) error(errors::wrong_type, where + ": " + pair_expected);
      declared.insert({rational(l[0], where + "[0]"), rational(l[1], where + "[1]")});
    }
    if (declared != sax.used_labels())
      error(errors::inconsistent, "\"labels\" (" + std::to_string(declared.size()) +
                                      " distinct) differ from the labels the points carry (" +
                                      std::to_string(sax.used_labels().size()) + ")");
    h.labels.assign(declared.begin(), declared.end());
    h.points = sax.points();
    return h;
  }

 private:
  const json& header_;
  Fail fail_;
};

}  // namespace

namespace {

DatasetHeader read(std::istream& in, const std::string& name, const PointSink& on_point,
                   bool fast) {
  const Fail fail = [&name](const ErrorKind& kind, const std::string& message) {
    throw Diagnostic(kind, SourceLocation{name}, message);
  };
  DatasetSax sax(on_point, fail);
  // The writer's point lines are read fast; every error is still the
  // general parser's, at the file's position (json_io::parse_with_point_lines).
  LabelledPoint p;
  json_io::parse_with_point_lines<PointsStart>(in, name, sax, fast,
                                               [&](std::array<mpq_class, 4>& q) {
                                                 p.x.x.swap(q[0]);
                                                 p.x.y.swap(q[1]);
                                                 p.y.out1.swap(q[2]);
                                                 p.y.out2.swap(q[3]);
                                                 sax.add_point(p);
                                               });
  return HeaderCheck(sax.header(), fail).check(sax);
}

}  // namespace

DatasetHeader read_dataset(std::istream& in, const std::string& name, const PointSink& on_point) {
  return read(in, name, on_point, true);
}

DatasetHeader read_dataset_general(std::istream& in, const std::string& name,
                                   const PointSink& on_point) {
  return read(in, name, on_point, false);
}

DatasetHeader read_dataset(const std::string& path, const PointSink& on_point) {
  const std::unique_ptr<std::istream> in = io::open_input(path, "the dataset");
  return read_dataset(*in, path, on_point);
}

Dataset read_dataset(std::istream& in, const std::string& name) {
  Dataset d;
  DatasetHeader h =
      read_dataset(in, name, [&d](std::size_t, const LabelledPoint& p) { d.points.push_back(p); });
  d.hidden_neurons = h.hidden_neurons;
  d.labels = std::move(h.labels);
  return d;
}

Dataset read_dataset(const std::string& path) {
  const std::unique_ptr<std::istream> in = io::open_input(path, "the dataset");
  return read_dataset(*in, path);
}

}  // namespace etr2nn::check
