#include "dataset/detail/read.hpp"

#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "dataset/detail/meta.hpp"
#include "dataset/detail/points_sax.hpp"
#include "dataset/detail/statistics.hpp"
#include "dataset/detail/write.hpp"
#include "diagnostic/diagnostic.hpp"
#include "gadgets/registry.hpp"
#include "io/decompress.hpp"
#include "json_io/value.hpp"
#include "layout/layout.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::dataset {
namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(std::string name) : name_(std::move(name)) {}

  Dataset read(std::istream& in) {
    Dataset d;
    detail::PointsSax sax(d.points, [this](const ErrorKind& kind, const std::string& message) {
      fail(kind, message);
    });
    detail::parse_document(in, name_, sax);
    const json& root = sax.root();
    header(root, d);
    if (auto it = root.find("meta"); it != root.end() && !it->is_null()) {
      d.meta = meta(*it, d);
      d.meta->statistics = statistics_of(d);  // recomputed, not trusted
      layout_is_sound(d);
    }
    return d;
  }

  // The header and meta only (read_dataset_head): nullopt when no meta comes
  // before the points.
  std::optional<Dataset> read_head(std::istream& in) {
    head_only_ = true;
    Dataset d;
    detail::PointsSax sax(d.points, [this](const ErrorKind& kind, const std::string& message) {
      fail(kind, message);
    });
    if (!detail::parse_head(in, name_, sax)) return std::nullopt;
    const json& root = sax.root();
    // Keys may come in any order (a file re-dumped by a JSON library sorts
    // them): whatever the head lacks, the whole read finds.
    for (const char* key : {"format", "version", "inputs", "outputs", "hidden_neurons",
                            "target_error", "labels", "meta"})
      if (!root.contains(key)) return std::nullopt;
    header(root, d);
    auto it = root.find("meta");
    if (it->is_null()) return std::nullopt;
    const json& statistics = member(*it, "statistics", "meta");
    claimed_points_ =
        index(member(statistics, "points", "meta.statistics"), "meta.statistics.points");
    d.meta = meta(*it, d);
    d.meta->statistics.points = claimed_points_;
    return d;
  }

 private:
  // Points this reader can check against: those read, or (head only) those
  // the meta says the file holds.
  std::size_t point_count(const Dataset& d) const {
    return head_only_ ? claimed_points_ : d.points.size();
  }

  [[noreturn]] void fail(const ErrorKind& kind, const std::string& what) const {
    throw Diagnostic(kind, SourceLocation{name_}, what);
  }

  // The shared reader's value at `where` ("top level" is the root), so that
  // the wording of every complaint is json_io's.
  json_io::Value value(const json& j, const std::string& where) const {
    return json_io::Value(j, name_, where == "top level" ? std::string() : where);
  }
  const json& member(const json& object, const char* key, const std::string& where) const {
    return value(object, where).at(key).raw();
  }
  mpq_class rational(const json& j, const std::string& where) const {
    return value(j, where).rational();
  }
  std::size_t index(const json& j, const std::string& where) const {
    return value(j, where).whole_number();
  }
  std::pair<mpq_class, mpq_class> pair(const json& j, const std::string& where) const {
    const auto both = value(j, where).rational_pair();
    return {both[0], both[1]};
  }
  long integer(const json& j, const std::string& where) const {
    return static_cast<long>(value(j, where).integer());
  }

  void header(const json& root, Dataset& d) const {
    if (!root.is_object()) fail(errors::wrong_type, "expected a JSON object at the top level");
    const json& format = member(root, "format", "top level");
    if (format != format_name)
      fail(errors::file_kind, "not an etr2nn dataset: \"format\" is " + format.dump());
    const json& version = member(root, "version", "top level");
    // Versions 1 and 2 differ only in the meta: a version-1 file without one
    // (a hand-made Train-F2NN instance) is still a valid dataset.
    const bool has_meta = root.contains("meta") && !root["meta"].is_null();
    if (version == 1 && has_meta)
      fail(errors::file_kind,
           "dataset format version 1 (the stacked layout, whose hardness direction is not "
           "proved) is no longer read: compile the formula again with this etr2nn (version " +
               std::to_string(format_version) + ", the counting-lines layout)");
    if (version != format_version && !(version == 1 && !has_meta))
      fail(errors::file_kind, "unsupported version " + version.dump() +
                                  " (this etr2nn reads version " + std::to_string(format_version) +
                                  ")");
    if (member(root, "inputs", "top level") != 2 || member(root, "outputs", "top level") != 2)
      fail(errors::inconsistent, "\"inputs\" and \"outputs\" must both be 2");
    d.hidden_neurons = index(member(root, "hidden_neurons", "top level"), "hidden_neurons");
    if (rational(member(root, "target_error", "top level"), "target_error") != 0)
      fail(errors::inconsistent,
           "target_error must be \"0\": etr2nn datasets ask for an exact fit");
    if (!member(root, "points", "top level").is_array())
      fail(errors::wrong_type, "\"points\" must be an array");

    const json& labels = member(root, "labels", "top level");
    if (!labels.is_array()) fail(errors::wrong_type, "\"labels\" must be an array");
    std::set<gadgets::Label> declared, used;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      auto [o1, o2] = pair(labels[i], "labels[" + std::to_string(i) + "]");
      declared.insert({o1, o2});
    }
    for (const auto& p : d.points) used.insert(p.y);
    if (head_only_) used = declared;  // the points are not read
    if (declared != used)
      fail(errors::inconsistent, "\"labels\" (" + std::to_string(declared.size()) +
                                     " distinct) differ from the labels the points carry (" +
                                     std::to_string(used.size()) + ")");
    d.labels.assign(used.begin(), used.end());
  }

  Meta meta(const json& j, const Dataset& d) const {
    Meta m;
    const json& inst = member(j, "instance", "meta");
    const json& vars = member(inst, "variables", "meta.instance");
    if (!vars.is_array())
      fail(errors::wrong_type, "meta.instance.variables: expected an array of names");
    for (const auto& v : vars) {
      if (!v.is_string())
        fail(errors::wrong_type, "meta.instance.variables: expected an array of names");
      m.instance.variables.push_back(v.get<std::string>());
    }
    const json& cons = member(inst, "constraints", "meta.instance");
    if (!cons.is_array()) fail(errors::wrong_type, "meta.instance.constraints: expected an array");
    for (std::size_t i = 0; i < cons.size(); ++i)
      m.instance.constraints.push_back(
          constraint(cons[i], "meta.instance.constraints[" + std::to_string(i) + "]",
                     m.instance.variables.size()));

    layout(member(j, "layout", "meta"), m);

    const json& gs = member(j, "gadgets", "meta");
    if (!gs.is_array()) fail(errors::wrong_type, "meta.gadgets: expected an array");
    m.canonical.assign(m.instance.variables.size(), gs.size());
    for (std::size_t g = 0; g < gs.size(); ++g) {
      m.gadgets.push_back(gadget(gs[g], "meta.gadgets[" + std::to_string(g) + "]", m, d));
      const auto& rec = m.gadgets.back().gadget;
      if (rec.role == layout::Gadget::Role::Canonical) {
        if (m.canonical[rec.variable] != gs.size())
          fail(errors::inconsistent, "meta.gadgets[" + std::to_string(g) +
                                         "]: a second canonical gadget of variable " +
                                         m.instance.variables[rec.variable]);
        m.canonical[rec.variable] = g;
      }
    }
    for (std::size_t v = 0; v < m.canonical.size(); ++v)
      if (m.canonical[v] == gs.size())
        fail(errors::inconsistent,
             "meta.gadgets: variable " + m.instance.variables[v] + " has no canonical gadget");

    const json& cps = member(j, "constraint_points", "meta");
    if (!cps.is_array()) fail(errors::wrong_type, "meta.constraint_points: expected an array");
    for (std::size_t i = 0; i < cps.size(); ++i)
      m.constraint_points.push_back(
          constraint_point(cps[i], "meta.constraint_points[" + std::to_string(i) + "]", m, d));
    if (auto it = j.find("reduction"); it != j.end() && !it->is_null())
      m.origin = origin(*it, m.instance);
    return m;
  }

  // Only what the value maps need is read; the sizes per pass are a report.
  Origin origin(const json& r, const etrinv::Instance& instance) const {
    const std::string where = "meta.reduction";
    Origin o;
    const json& input = member(r, "input", where);
    if (!input.is_string()) fail(errors::wrong_type, where + ".input: expected a file name");
    o.input = input.get<std::string>();
    const json& passed = member(r, "passed_through", where);
    if (!passed.is_boolean())
      fail(errors::wrong_type, where + ".passed_through: expected true or false");
    o.passed_through = passed.get<bool>();
    if (o.passed_through) return o;
    const std::size_t k = index(member(r, "bound_exponent", where), where + ".bound_exponent");
    if (k > std::numeric_limits<unsigned>::max())
      fail(errors::inconsistent, where + ".bound_exponent: too large");
    o.bound_exponent = static_cast<unsigned>(k);
    std::map<std::string, etrinv::VariableIndex> by_name;
    for (std::size_t v = 0; v < instance.variables.size(); ++v) by_name[instance.variables[v]] = v;
    auto variable = [&](const json& name, const std::string& at) {
      if (!name.is_string())
        fail(errors::wrong_type, at + ": expected the name of a variable of meta.instance");
      auto it = by_name.find(name.get<std::string>());
      if (it == by_name.end())
        fail(errors::inconsistent, at + ": no variable " + name.dump() + " in meta.instance");
      return it->second;
    };
    const json& carrier = member(r, "carrier", where);
    if (!carrier.is_object())
      fail(errors::wrong_type, where + ".carrier: expected an object {input variable: name}");
    for (const auto& [name, carried] : carrier.items())
      o.carrier[name] = variable(carried, where + ".carrier." + name);
    if (auto it = r.find("epsilon"); it != r.end()) o.epsilon = variable(*it, where + ".epsilon");
    if (auto it = r.find("sentence"); it != r.end()) {
      if (!it->is_string())
        fail(errors::wrong_type, where + ".sentence: expected the sentence as text");
      o.sentence = it->get<std::string>();
    }
    return o;
  }

  geometry::Point point(const json& j, const std::string& where) const {
    auto [x, y] = pair(j, where);
    return {x, y};
  }

  geometry::Normal integers(const json& j, const std::string& where) const {
    if (!j.is_array() || j.size() != 2) fail(errors::wrong_type, where + ": expected two integers");
    return {integer(j[0], where + "[0]"), integer(j[1], where + "[1]")};
  }

  void layout(const json& lay, Meta& m) const {
    const json& scheme = member(lay, "scheme", "meta.layout");
    if (scheme != "counting-lines")
      fail(errors::wrong_type,
           "meta.layout.scheme: expected \"counting-lines\", not " + scheme.dump());
    const json& lanes = member(lay, "lanes", "meta.layout");
    if (member(lanes, "count", "meta.layout.lanes") != layout::lane_count)
      fail(errors::inconsistent,
           "meta.layout.lanes.count: the hardness proof needs exactly 3 lanes");
    m.lanes.base = point(member(lanes, "base", "meta.layout.lanes"), "meta.layout.lanes.base");
    m.lanes.spacing =
        point(member(lanes, "spacing", "meta.layout.lanes"), "meta.layout.lanes.spacing");
    m.lanes.direction =
        integers(member(lanes, "direction", "meta.layout.lanes"), "meta.layout.lanes.direction");
    const json& fs = member(lay, "families", "meta.layout");
    if (!fs.is_array() || fs.empty())
      fail(errors::wrong_type, "meta.layout.families: expected an array of families");
    for (std::size_t i = 0; i < fs.size(); ++i) {
      const std::string where = "meta.layout.families[" + std::to_string(i) + "]";
      const json& name = member(fs[i], "name", where);
      if (!name.is_string()) fail(errors::wrong_type, where + ".name: expected a string");
      layout::Family f{name.get<std::string>(),
                       integers(member(fs[i], "normal", where), where + ".normal"),
                       rational(member(fs[i], "origin", where), where + ".origin"),
                       rational(member(fs[i], "pitch", where), where + ".pitch")};
      for (const auto& other : m.families)
        if (other.name == f.name)
          fail(errors::inconsistent, where + ".name: family " + f.name + " named twice");
      if (f.normal == geometry::Normal{0, 0})
        fail(errors::inconsistent, where + ".normal: must not be (0, 0)");
      m.families.push_back(std::move(f));
    }
    auto& p = m.parameters;
    const auto value = [&](const char* key) {
      return rational(member(lay, key, "meta.layout"), std::string("meta.layout.") + key);
    };
    p.canonical_pitch = value("canonical_pitch");
    p.column_pitch = value("column_pitch");
    p.lane_spacing = value("lane_spacing");
    p.margin = value("margin");
    p.stack_height = value("stack_height");
    p.column_span = value("column_span");
    p.drop = value("drop");
    p.lane_shift = value("lane_shift");
  }

  // The checks N1–N7 (layout/detail/invariants.hpp) on the file's own geometry: the
  // hardness proof applies to this file only if they pass.
  void layout_is_sound(const Dataset& d) const {
    require_sound_layout(arrangement_of(d), d.hidden_neurons, name_);
  }

  etrinv::Constraint constraint(const json& j, const std::string& where,
                                std::size_t variables) const {
    etrinv::Constraint c;
    const json& kind = member(j, "kind", where);
    if (kind == "one")
      c.kind = etrinv::Constraint::Kind::One;
    else if (kind == "add")
      c.kind = etrinv::Constraint::Kind::Add;
    else if (kind == "inv")
      c.kind = etrinv::Constraint::Kind::Inv;
    else
      fail(errors::wrong_type,
           where + ".kind: expected \"one\", \"add\" or \"inv\", not " + kind.dump());
    const json& vars = member(j, "variables", where);
    if (!vars.is_array() || vars.size() != c.arity())
      fail(errors::wrong_type,
           where + ".variables: expected " + std::to_string(c.arity()) + " variable indices");
    for (std::size_t i = 0; i < c.arity(); ++i) {
      c.vars[i] = index(vars[i], where + ".variables");
      if (c.vars[i] >= variables)
        fail(errors::inconsistent,
             where + ".variables: index " + std::to_string(c.vars[i]) + " out of range");
    }
    return c;
  }

  std::size_t optional_constraint(const json& j, const std::string& where, const Meta& m) const {
    if (j.is_null()) return layout::no_constraint;
    std::size_t c = index(j, where);
    if (c >= m.instance.constraints.size())
      fail(errors::inconsistent, where + ": constraint " + std::to_string(c) + " out of range");
    return c;
  }

  GadgetRecord gadget(const json& j, const std::string& where, const Meta& m,
                      const Dataset& d) const {
    GadgetRecord r;
    auto& g = r.gadget;
    const json& kind = member(j, "kind", where);
    g.kind = kind.is_string() ? gadgets::gadget_kind(kind.get<std::string>()) : nullptr;
    if (!g.kind) fail(errors::inconsistent, where + ".kind: unknown gadget kind " + kind.dump());
    const json& family = member(j, "family", where);
    g.family = m.families.size();
    for (std::size_t f = 0; f < m.families.size(); ++f)
      if (family == m.families[f].name) g.family = f;
    if (g.family == m.families.size())
      fail(errors::inconsistent,
           where + ".family: no family " + family.dump() + " in meta.layout.families");
    const json& s = member(j, "index", where);
    if (!s.is_number_unsigned())
      fail(errors::wrong_type, where + ".index: expected a non-negative integer");
    g.index = s.get<std::uint64_t>();
    const json& role = member(j, "role", where);
    if (role == "canonical")
      g.role = layout::Gadget::Role::Canonical;
    else if (role == "copy")
      g.role = layout::Gadget::Role::Copy;
    else if (role == "diagonal")
      g.role = layout::Gadget::Role::Diagonal;
    else
      fail(errors::wrong_type,
           where + ".role: expected \"canonical\", \"copy\" or \"diagonal\", not " + role.dump());
    g.variable = index(member(j, "variable", where), where + ".variable");
    if (g.variable >= m.instance.variables.size())
      fail(errors::inconsistent, where + ".variable: out of range");
    g.constraint = optional_constraint(member(j, "constraint", where), where + ".constraint", m);
    const json& n = member(j, "normal", where);
    if (!n.is_array() || n.size() != 2)
      fail(errors::wrong_type, where + ".normal: expected two integers");
    g.strip.normal = {integer(n[0], where + ".normal"), integer(n[1], where + ".normal")};
    if (g.strip.normal == geometry::Normal{0, 0})
      fail(errors::inconsistent, where + ".normal: must not be (0, 0)");
    g.strip.offset = rational(member(j, "offset", where), where + ".offset");
    g.strip.width = rational(member(j, "width", where), where + ".width");
    const json& range = member(j, "points", where);
    if (!range.is_array() || range.size() != 2)
      fail(errors::wrong_type, where + ".points: expected [first, end)");
    r.first_point = index(range[0], where + ".points");
    r.end_point = index(range[1], where + ".points");
    if (r.first_point > r.end_point || r.end_point > point_count(d))
      fail(errors::inconsistent, where + ".points: range [" + std::to_string(r.first_point) + ", " +
                                     std::to_string(r.end_point) + ") outside the " +
                                     std::to_string(point_count(d)) + " points");
    if (head_only_) return r;
    // Each of its points lies on one of its data lines and carries its label.
    for (std::size_t i = r.first_point; i < r.end_point; ++i) {
      const mpq_class t = g.strip.coordinate(d.points[i].x);
      bool found = false;
      for (const auto& line : g.kind->data_lines())
        if (line.position == t && line.label == d.points[i].y) found = true;
      if (!found)
        fail(errors::inconsistent, "points[" + std::to_string(i) + "] is not on a data line of " +
                                       where + " with that line's label");
    }
    return r;
  }

  ConstraintPointRecord constraint_point(const json& j, const std::string& where, const Meta& m,
                                         const Dataset& d) const {
    ConstraintPointRecord r;
    auto& c = r.point;
    const json& kind = member(j, "kind", where);
    for (const auto* k : gadgets::all_constraint_point_kinds())
      if (kind == k->name) c.kind = k;
    if (!c.kind)
      fail(errors::inconsistent, where + ".kind: unknown constraint point kind " + kind.dump());
    c.constraint = optional_constraint(member(j, "constraint", where), where + ".constraint", m);
    const json& gs = member(j, "gadgets", where);
    if (!gs.is_array() || gs.size() != c.kind->lines.size())
      fail(errors::wrong_type, where + ".gadgets: expected " +
                                   std::to_string(c.kind->lines.size()) + " gadget indices");
    for (std::size_t k = 0; k < gs.size(); ++k) {
      const std::size_t g = index(gs[k], where + ".gadgets");
      if (g >= m.gadgets.size())
        fail(errors::inconsistent,
             where + ".gadgets: gadget " + std::to_string(g) + " out of range");
      if (m.gadgets[g].gadget.kind != c.kind->lines[k].kind)
        fail(errors::inconsistent, where + ".gadgets: gadget " + std::to_string(g) +
                                       " is not of kind " + c.kind->lines[k].kind->name());
      c.gadgets.push_back(g);
    }
    // "variables" is redundant (each gadget has its variable); when present it must agree.
    if (auto v = j.find("variables"); v != j.end()) {
      if (!v->is_array() || v->size() != c.gadgets.size())
        fail(errors::wrong_type, where + ".variables: expected one variable index per gadget");
      for (std::size_t k = 0; k < c.gadgets.size(); ++k)
        if (index((*v)[k], where + ".variables") != m.gadgets[c.gadgets[k]].gadget.variable)
          fail(errors::inconsistent, where + ".variables: variable " + std::to_string(k) +
                                         " is not that of gadget " + std::to_string(c.gadgets[k]));
    }
    r.index = index(member(j, "point", where), where + ".point");
    if (r.index >= point_count(d)) fail(errors::inconsistent, where + ".point: index out of range");
    if (head_only_) {
      c.where = crossing(c, m, where);
      return r;
    }
    c.where = d.points[r.index].x;
    if (d.points[r.index].y != c.kind->label)
      fail(errors::inconsistent,
           "points[" + std::to_string(r.index) + "] does not carry the label of " + where);
    return r;
  }

  // Where a constraint point's measuring lines meet, without reading it: the
  // lines t_g = position of its first two gadgets (never parallel in a
  // layout etr2nn makes), and every further line must pass there too.
  geometry::Point crossing(const layout::ConstraintPoint& c, const Meta& m,
                           const std::string& where) const {
    const auto line = [&](std::size_t k) {
      const geometry::Strip& s = m.gadgets[c.gadgets[k]].gadget.strip;
      return std::pair<geometry::Normal, mpq_class>{s.normal, s.offset + c.kind->lines[k].position};
    };
    const auto [n0, c0] = line(0);
    const auto [n1, c1] = line(1);
    if (n0.a * n1.b == n0.b * n1.a)
      fail(errors::inconsistent, where + ": the measuring lines of its gadgets are parallel");
    const geometry::Point p = geometry::intersection(n0, c0, n1, c1);
    for (std::size_t k = 2; k < c.gadgets.size(); ++k) {
      const auto [n, level] = line(k);
      if (geometry::level(n, p) != level)
        fail(errors::inconsistent, where + ": the measuring lines of its gadgets do not meet");
    }
    return p;
  }

  std::string name_;
  bool head_only_ = false;
  std::size_t claimed_points_ = 0;
};

}  // namespace

Dataset read_dataset(std::istream& in, const std::string& name) {
  return Reader(name).read(in);
}

std::optional<Dataset> read_dataset_head(const std::string& path) {
  const std::unique_ptr<std::istream> in = io::open_input(path, "the dataset");
  return Reader(path).read_head(*in);
}

Dataset read_dataset(const std::string& path) {
  const std::unique_ptr<std::istream> in = io::open_input(path, "the dataset");
  return read_dataset(*in, path);
}

}  // namespace etr2nn::dataset
