#include "check/detail/verify.hpp"

#include <sstream>

#include "check/detail/read_dataset.hpp"
#include "check/detail/read_network.hpp"
#include "numeric/rational.hpp"
#include "terminal/progress.hpp"

namespace etr2nn::check {
namespace {

// Checks points one at a time, as they are read.
class Checker {
 public:
  Checker(const Network& network, const Options& options)
      : network_(network), options_(options), f_(network) {
    report_.neurons = network.neurons.size();
    report_.directions = f_.directions();
    report_.rational = f_.rational();
  }

  void operator()(std::size_t index, const LabelledPoint& p) {
    const bool fits = options_.naive
                          ? evaluate_naive(network_, p.x) == Output{Real(p.y.out1), Real(p.y.out2)}
                          : f_.fits(p.x, p.y);
    if (!fits) {
      ++report_.failures;
      if (report_.first_failures.size() < options_.max_reported) {
        // The reported value comes from the definition, whichever way the
        // verdict was reached.
        Output value = evaluate_naive(network_, p.x);
        Output residual = {value[0] - Real(p.y.out1), value[1] - Real(p.y.out2)};
        report_.first_failures.push_back({index, p.x, p.y, value, residual});
      }
    }
    ++report_.points;
    if (options_.progress && (index & 1023) == 0) options_.progress->update(index);
  }

  Report finish(std::size_t allowed_neurons) {
    if (options_.progress) options_.progress->finish();
    report_.allowed_neurons = allowed_neurons;
    return std::move(report_);
  }

 private:
  const Network& network_;
  const Options& options_;
  Evaluator f_;
  Report report_;
};

}  // namespace

Report verify(const Dataset& dataset, const Network& network, const Options& options) {
  Checker checker(network, options);
  for (std::size_t j = 0; j < dataset.points.size(); ++j) checker(j, dataset.points[j]);
  return checker.finish(dataset.hidden_neurons);
}

Report verify_file(const std::string& dataset_path, const Network& network,
                   const Options& options) {
  Checker checker(network, options);
  const DatasetHeader header = read_dataset(
      dataset_path, [&checker](std::size_t j, const LabelledPoint& p) { checker(j, p); });
  return checker.finish(header.hidden_neurons);
}

Report verify_files(const std::string& dataset_path, const std::string& network_path,
                    const Options& options) {
  const Network network = read_network(network_path);
  return verify_file(dataset_path, network, options);
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

}  // namespace

void print_report(std::ostream& out, const Report& report) {
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
    out << "  point " << f.index << " at (" << numeric::to_string(f.x.x) << ", "
        << numeric::to_string(f.x.y) << "): label "
        << pair_text(Real(f.label.out1), Real(f.label.out2)) << ", network "
        << pair_text(f.value[0], f.value[1]) << ", residual "
        << pair_text(f.residual[0], f.residual[1]) << "\n";
  if (report.failures > report.first_failures.size())
    out << "  ... and " << report.failures - report.first_failures.size() << " more\n";
}

}  // namespace etr2nn::check
