#include "dataset/detail/statistics.hpp"

#include <set>

#include "numeric/rational.hpp"

namespace etr2nn::dataset {
namespace {

void finish(Statistics& s) {
  s.points = s.data_points + s.constraint_points;
  s.points_per_neuron = s.neurons == 0 ? mpq_class(0) : mpq_class(s.points, s.neurons);
  s.points_per_neuron.canonicalize();
}

}  // namespace

Statistics statistics_of(const layout::Arrangement& a) {
  Statistics s;
  s.data_points = a.data_points.size();
  s.constraint_points = a.constraint_points.size();
  s.neurons = a.hidden_neurons();
  std::set<gadgets::Label> labels = layout::data_point_labels(a);
  for (const auto& c : a.constraint_points) {
    labels.insert(c.kind->label);
    ++s.constraint_points_by_kind[c.kind->name];
  }
  s.labels = labels.size();
  for (const auto& g : a.gadgets) ++s.gadgets_by_kind[g.kind->name()];
  finish(s);
  return s;
}

Statistics statistics_of(const Dataset& d) {
  Statistics s;
  s.neurons = d.hidden_neurons;
  std::set<gadgets::Label> labels;
  for (const auto& p : d.points) labels.insert(p.y);
  s.labels = labels.size();
  if (d.meta) {
    s.constraint_points = d.meta->constraint_points.size();
    for (const auto& g : d.meta->gadgets) ++s.gadgets_by_kind[g.gadget.kind->name()];
    for (const auto& c : d.meta->constraint_points)
      ++s.constraint_points_by_kind[c.point.kind->name];
  }
  s.data_points = d.points.size() - std::min(s.constraint_points, d.points.size());
  finish(s);
  return s;
}

void print_statistics(std::ostream& out, const Statistics& s) {
  out << "points      " << s.points << " (" << s.data_points << " data, " << s.constraint_points
      << " constraint)\n"
      << "neurons     " << s.neurons << "\n"
      << "labels      " << s.labels << "\n";
  if (!s.gadgets_by_kind.empty()) {
    std::size_t total = 0;
    std::string parts;
    for (const auto& [kind, n] : s.gadgets_by_kind) {
      total += n;
      parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
    }
    out << "gadgets     " << total << " (" << parts << ")\n";
  }
  if (!s.constraint_points_by_kind.empty()) {
    std::string parts;
    for (const auto& [kind, n] : s.constraint_points_by_kind)
      parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
    out << "constraint points by kind: " << parts << "\n";
  }
  if (s.neurons > 0) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", numeric::to_double(s.points_per_neuron));
    out << "points/neuron " << buffer << "\n";
  }
}

}  // namespace etr2nn::dataset
