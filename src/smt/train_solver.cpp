#include "smt/train_solver.hpp"

#include <z3++.h>

#include <sstream>

#include "numeric/real.hpp"
#include "smt/train_to_smtlib.hpp"

namespace etr2nn::smt {
namespace {

using numeric::Real;

// Reads the weights by their declared names. model_completion: a weight the
// formula does not constrain (a neuron that is never needed) gets a value too.
network::Network network_from_model(z3::context& context, const z3::model& model,
                                    std::size_t neurons) {
  auto value = [&](const std::string& name) {
    return Real::from_z3(model.eval(context.real_const(name.c_str()), true));
  };
  network::Network net;
  for (std::size_t i = 1; i <= neurons; ++i)
    net.neurons.push_back({{value(name_a(i, 1)), value(name_a(i, 2))},
                           value(name_b(i)),
                           {value(name_v(i, 1)), value(name_v(i, 2))}});
  net.c = {value(name_c(1)), value(name_c(2))};
  return net;
}

}  // namespace

TrainSolveResult solve_train(const std::vector<dataset::LabelledPoint>& points, std::size_t neurons,
                             std::chrono::milliseconds time_limit) {
  std::ostringstream script;  // tiny instances only: holding the text is fine
  write_train_smtlib(script, points, {neurons, "(in memory)", std::nullopt});

  // In numeric::z3_context(), so model values become Reals without translation.
  z3::context& context = numeric::z3_context();
  z3::solver solver(context, "QF_NRA");
  z3::params params(context);
  params.set("timeout", static_cast<unsigned>(time_limit.count()));
  solver.set(params);
  solver.add(context.parse_string(script.str().c_str()));

  TrainSolveResult result;
  switch (solver.check()) {
    case z3::unsat: result.verdict = Verdict::Unsat; return result;
    case z3::unknown: result.reason = solver.reason_unknown(); return result;
    case z3::sat: break;
  }
  network::Network net = network_from_model(context, solver.get_model(), neurons);
  if (!fits_exactly(net, points)) {
    result.reason = "z3's model does not fit exactly (solver fault)";
    return result;
  }
  result.verdict = Verdict::Sat;
  result.network = std::move(net);
  return result;
}

bool fits_exactly(const network::Network& network,
                  const std::vector<dataset::LabelledPoint>& points) {
  for (const auto& p : points) {
    std::array<Real, 2> out = network.c;
    for (const auto& n : network.neurons) {
      const Real h = numeric::max(Real(0), n.a[0] * Real(p.x.x) + n.a[1] * Real(p.x.y) + n.b);
      if (h.sign() == 0) continue;
      out[0] += n.v[0] * h;
      out[1] += n.v[1] * h;
    }
    if (out[0] != Real(p.y.out1) || out[1] != Real(p.y.out2)) return false;
  }
  return true;
}

}  // namespace etr2nn::smt
