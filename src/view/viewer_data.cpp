#include "view/detail/viewer_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>

#include "etrinv/etrinv.hpp"
#include "network/network.hpp"
#include "numeric/rational.hpp"
#include "render/render.hpp"
#include "view/detail/base64.hpp"

namespace etr2nn::view {
namespace {

using nlohmann::json;
using numeric::Real;

json label_json(const gadgets::Label& l) {
  return json::array({numeric::to_string(l.out1), numeric::to_string(l.out2)});
}

json real_pair(const Real& a, const Real& b) {
  return json::array({a.to_string(), b.to_string()});
}

std::size_t label_index(const std::vector<gadgets::Label>& labels, const gadgets::Label& y) {
  const auto it = std::lower_bound(labels.begin(), labels.end(), y);
  if (it == labels.end() || !(*it == y))
    throw std::invalid_argument("a point's label is not listed");
  return static_cast<std::size_t>(it - labels.begin());
}

// Appends v as zigzag LEB128: small magnitudes of either sign take one byte.
void put_varint(std::vector<std::uint8_t>& out, std::int64_t v) {
  std::uint64_t z = (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
  while (z >= 128) {
    out.push_back(static_cast<std::uint8_t>(z | 128));
    z >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(z));
}

// Coordinates as integers k over one common denominator L (x = k / L), so
// the float copy is k / L and the exact text is k / L reduced. Each point is
// stored as its difference from the previous one (points of a gadget lie
// close together), in zigzag LEB128 varints: 1-2 bytes a coordinate instead
// of 8. When L would be huge or k too large for exact doubles (2^51 keeps the
// differences below 2^53), plain Float64 plus the exact strings of every
// point whose coordinates are not integers.
void coordinates(const dataset::Dataset& d, json& out) {
  const auto& points = d.points;
  const mpz_class denominator_limit = mpz_class(1) << 24, integer_limit = mpz_class(1) << 51;
  mpz_class common = 1;
  for (const auto& p : points)
    for (const mpq_class* v : {&p.x.x, &p.x.y})
      if (common % v->get_den() != 0 && (common = lcm(common, v->get_den())) > denominator_limit)
        break;
  mpz_class largest = 0;
  if (common <= denominator_limit)
    for (const auto& p : points)
      for (const mpq_class* v : {&p.x.x, &p.x.y})
        largest = std::max<mpz_class>(largest, abs(v->get_num()) * (common / v->get_den()));
  if (common <= denominator_limit && largest < integer_limit) {
    std::vector<std::uint8_t> bytes;
    bytes.reserve(4 * points.size());
    std::int64_t previous[2] = {0, 0};
    for (const auto& p : points) {
      int axis = 0;
      for (const mpq_class* v : {&p.x.x, &p.x.y}) {
        const mpz_class k = v->get_num() * (common / v->get_den());
        const auto value = static_cast<std::int64_t>(k.get_si());
        put_varint(bytes, value - previous[axis]);
        previous[axis++] = value;
      }
    }
    out["coordinates"] = {
        {"encoding", "varint-delta"}, {"denominator", common.get_ui()}, {"xy", base64(bytes)}};
    out["exact"] = json::object();
    return;
  }
  std::vector<double> xy;
  xy.reserve(2 * points.size());
  json exact = json::object();
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto& p = points[i].x;
    const auto plain = [&](const mpq_class& v) {
      return v.get_den() == 1 && abs(v.get_num()) < integer_limit;
    };
    xy.push_back(p.x.get_d());
    xy.push_back(p.y.get_d());
    if (!plain(p.x) || !plain(p.y))
      exact[std::to_string(i)] = json::array({numeric::to_string(p.x), numeric::to_string(p.y)});
  }
  out["coordinates"] = {{"encoding", "float64"}, {"denominator", 1}, {"xy", base64(xy)}};
  out["exact"] = std::move(exact);
}

json gadget_kinds(const dataset::Meta& meta) {
  json kinds = json::object();
  for (const auto& g : meta.gadgets) {
    const auto* kind = g.gadget.kind;
    if (kinds.contains(kind->name())) continue;
    json lines = json::array();
    for (const auto& line : kind->data_lines())
      lines.push_back(
          {{"t", numeric::to_string(line.position)}, {"label", label_json(line.label)}});
    kinds[kind->name()] = {{"data_lines", lines}};
  }
  return kinds;
}

// Per point: line·4 + lane for data points, constraint_point_byte otherwise.
std::vector<std::uint8_t> line_bytes(const dataset::Dataset& d) {
  const auto& meta = *d.meta;
  std::vector<std::uint8_t> bytes(d.points.size(), constraint_point_byte);
  for (const auto& record : meta.gadgets) {
    const auto& lines = record.gadget.kind->data_lines();
    for (std::size_t i = record.first_point; i < record.end_point; ++i) {
      const mpq_class t = record.gadget.strip.coordinate(d.points[i].x);
      const auto line = std::find_if(lines.begin(), lines.end(),
                                     [&](const gadgets::DataLine& l) { return l.position == t; });
      if (line == lines.end())
        throw std::invalid_argument("point " + std::to_string(i) +
                                    " lies on none of its gadget's data lines");
      const unsigned lane = meta.lanes.lane_of(d.points[i].x);
      bytes[i] = static_cast<std::uint8_t>((line - lines.begin()) * 4 + std::min(lane, 3u));
    }
  }
  return bytes;
}

json gadgets_json(const dataset::Meta& meta) {
  // Column-wise: one array per field keeps 10^4-gadget files small.
  json kind = json::array(), variable = json::array(), role = json::array(),
       constraint = json::array(), first = json::array(), end = json::array(),
       normal = json::array(), offset = json::array(), width = json::array(),
       family = json::array();
  for (const auto& r : meta.gadgets) {
    const auto& g = r.gadget;
    kind.push_back(g.kind->name());
    variable.push_back(g.variable);
    role.push_back(render::role_name(g.role));
    constraint.push_back(g.constraint == layout::no_constraint ? json(-1) : json(g.constraint));
    first.push_back(r.first_point);
    end.push_back(r.end_point);
    normal.push_back({g.strip.normal.a, g.strip.normal.b});
    offset.push_back(g.strip.offset.get_d());
    width.push_back(g.strip.width.get_d());
    family.push_back(g.family < meta.families.size() ? meta.families[g.family].name : "");
  }
  return {{"kind", kind},   {"variable", variable}, {"role", role},     {"constraint", constraint},
          {"first", first}, {"end", end},           {"normal", normal}, {"offset", offset},
          {"width", width}, {"family", family}};
}

json constraint_points_json(const dataset::Meta& meta) {
  json point = json::array(), kind = json::array(), gadgets = json::array(),
       constraint = json::array();
  for (const auto& r : meta.constraint_points) {
    point.push_back(r.index);
    kind.push_back(r.point.kind->name);
    gadgets.push_back(r.point.gadgets);
    constraint.push_back(r.point.constraint == layout::no_constraint ? json(-1)
                                                                     : json(r.point.constraint));
  }
  return {{"point", point}, {"kind", kind}, {"gadgets", gadgets}, {"constraint", constraint}};
}

json network_json(const dataset::Dataset& d, const network::Network& net, std::size_t& missed) {
  json neurons = json::array();
  for (const auto& n : net.neurons)
    neurons.push_back({{"a", real_pair(n.a[0], n.a[1])},
                       {"b", n.b.to_string()},
                       {"v", real_pair(n.v[0], n.v[1])},
                       {"af", {n.a[0].to_double(), n.a[1].to_double()}},
                       {"bf", n.b.to_double()}});
  // Every point is checked exactly; the misses carry the exact f(x) - y.
  const network::Evaluator evaluate(net);
  json list = json::array();
  missed = 0;
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    const auto& p = d.points[i];
    if (evaluate.fits(p.x, p.y.out1, p.y.out2)) continue;
    if (++missed > missed_listed_limit) continue;
    const network::Output out = evaluate(p.x);
    list.push_back({{"point", i},
                    {"output", real_pair(out[0], out[1])},
                    {"error", real_pair(out[0] - Real(p.y.out1), out[1] - Real(p.y.out2))}});
  }
  return {{"neurons", neurons},
          {"c", real_pair(net.c[0], net.c[1])},
          {"missed", list},
          {"missed_total", missed}};
}

}  // namespace

ViewerData viewer_data(const dataset::Dataset& d, const network::Network* network,
                       const std::string& title) {
  if (!d.meta)
    throw std::invalid_argument(
        "the dataset has no meta: the viewer needs a dataset made by etr2nn compile");
  if (d.labels.size() > 255) throw std::invalid_argument("more than 255 labels");
  const dataset::Meta& meta = *d.meta;
  ViewerData result;
  json& doc = result.document;
  doc["format"] = "etr2nn-view";
  doc["title"] = title;
  doc["points"] = d.points.size();
  doc["hidden_neurons"] = d.hidden_neurons;

  json labels = json::array(), colours = json::array();
  std::vector<std::size_t> counts(d.labels.size(), 0);
  std::vector<std::uint8_t> label_bytes(d.points.size());
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    const std::size_t l = label_index(d.labels, d.points[i].y);
    label_bytes[i] = static_cast<std::uint8_t>(l);
    ++counts[l];
  }
  for (std::size_t l = 0; l < d.labels.size(); ++l) {
    labels.push_back(label_json(d.labels[l]));
    colours.push_back(render::label_colour(l));
  }
  doc["labels"] = {{"values", labels}, {"colours", colours}, {"counts", counts}};
  doc["label_bytes"] = base64(label_bytes);
  doc["line_bytes"] = base64(line_bytes(d));
  coordinates(d, doc);

  json variables = json::array(), constraints = json::array();
  for (const auto& v : meta.instance.variables) variables.push_back(v);
  for (const auto& c : meta.instance.constraints)
    constraints.push_back(etrinv::describe(meta.instance, c));
  doc["variables"] = variables;
  doc["constraints"] = constraints;
  doc["canonical"] = meta.canonical;
  doc["gadget_kinds"] = gadget_kinds(meta);
  doc["gadgets"] = gadgets_json(meta);
  doc["constraint_points"] = constraint_points_json(meta);
  doc["role_colours"] = {{"canonical", render::role_colour(layout::Gadget::Role::Canonical)},
                         {"copy", render::role_colour(layout::Gadget::Role::Copy)},
                         {"diagonal", render::role_colour(layout::Gadget::Role::Diagonal)}};
  if (network) {
    doc["network"] = network_json(d, *network, result.missed);
    result.neurons = network->neurons.size();
  } else {
    doc["network"] = nullptr;
  }
  result.points = d.points.size();
  result.labels = d.labels.size();
  return result;
}

}  // namespace etr2nn::view
