#include "network/detail/verify.hpp"

#include <sstream>

#include "numeric/rational.hpp"

namespace etr2nn::network {

namespace {

// point(j) -> dataset::LabelledPoint (by value or reference).
template <class PointAt>
VerifyReport verify_points(std::size_t count, const PointAt& point, std::size_t allowed_neurons,
                           const Network& network, std::size_t max_reported,
                           terminal::Progress* progress) {
  VerifyReport report;
  report.points = count;
  report.neurons = network.neurons.size();
  report.allowed_neurons = allowed_neurons;
  Evaluator f(network);
  report.directions = f.directions();
  report.rational = f.rational();
  for (std::size_t j = 0; j < count; ++j) {
    const dataset::LabelledPoint& p = point(j);
    if (!f.fits(p.x, p.y.out1, p.y.out2)) {
      ++report.failures;
      if (report.first_failures.size() < max_reported) {
        Output value = f(p.x);
        Output residual = {value[0] - Real(p.y.out1), value[1] - Real(p.y.out2)};
        report.first_failures.push_back({j, p.x, p.y, value, residual});
      }
    }
    if (progress && (j & 1023) == 0) progress->update(j);
  }
  if (progress) progress->finish();
  return report;
}

}  // namespace

VerifyReport verify(const dataset::Dataset& dataset, const Network& network,
                    std::size_t max_reported, terminal::Progress* progress) {
  return verify_points(
      dataset.points.size(),
      [&](std::size_t j) -> const dataset::LabelledPoint& { return dataset.points[j]; },
      dataset.hidden_neurons, network, max_reported, progress);
}

VerifyReport verify(const dataset::Emission& emission, const Network& network,
                    std::size_t max_reported, terminal::Progress* progress) {
  return verify_points(
      emission.size(), [&](std::size_t j) { return emission.point(j); }, emission.hidden_neurons(),
      network, max_reported, progress);
}

std::string exact_text(const Real& value) {
  if (value.is_rational()) return value.to_string();
  std::ostringstream approx;
  approx.precision(12);
  approx << value.to_double();
  return value.to_string() + " ~ " + approx.str();
}

namespace {

std::string pair_text(const Real& a, const Real& b) {
  return "(" + exact_text(a) + ", " + exact_text(b) + ")";
}

std::string point_text(const geometry::Point& p) {
  return "(" + numeric::to_string(p.x) + ", " + numeric::to_string(p.y) + ")";
}

}  // namespace

void print_report(std::ostream& out, const VerifyReport& report) {
  if (report.ok()) {
    out << "verified: " << report.points << " points, error 0\n";
    out << "network: " << report.neurons << " neurons (the dataset allows "
        << report.allowed_neurons << "), " << report.directions << " distinct directions, exact "
        << (report.rational ? "rational arithmetic"
                            : "real algebraic arithmetic (number fields), no rounding")
        << "\n";
    return;
  }
  out << "FAILED:";
  if (!report.within_budget())
    out << " the network has " << report.neurons << " neurons but the dataset allows only "
        << report.allowed_neurons << ";";
  out << " " << report.failures << " of " << report.points << " points are not fitted exactly\n";
  for (const auto& f : report.first_failures)
    out << "  point " << f.index << " at " << point_text(f.x) << ": label "
        << pair_text(Real(f.label.out1), Real(f.label.out2)) << ", network "
        << pair_text(f.value[0], f.value[1]) << ", residual "
        << pair_text(f.residual[0], f.residual[1]) << "\n";
  if (report.failures > report.first_failures.size())
    out << "  ... and " << report.failures - report.first_failures.size() << " more\n";
}

}  // namespace etr2nn::network
