#include "network/verify.hpp"

namespace etr2nn::network {

VerifyReport verify(const dataset::Dataset& dataset, const Network& network,
                    std::size_t max_reported, io::Progress* progress) {
  VerifyReport report;
  report.points = dataset.points.size();
  report.neurons = network.neurons.size();
  report.allowed_neurons = dataset.hidden_neurons;
  Evaluator f(network);
  report.directions = f.directions();
  for (std::size_t j = 0; j < dataset.points.size(); ++j) {
    const auto& p = dataset.points[j];
    Output value = f(p.x);
    Output residual = {value[0] - Real(p.y.out1), value[1] - Real(p.y.out2)};
    if (residual[0].sign() != 0 || residual[1].sign() != 0) {
      ++report.failures;
      if (report.first_failures.size() < max_reported)
        report.first_failures.push_back({j, p.x, p.y, value, residual});
    }
    if (progress && (j & 1023) == 0) progress->update(j);
  }
  if (progress) progress->finish();
  return report;
}

}  // namespace etr2nn::network
