#include "solve/detail/train_solver.hpp"

#include <z3++.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "json_io/real.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"
#include "smtlib/smtlib.hpp"

namespace etr2nn::solve {
namespace {

using numeric::Real;
using smtlib::name_a;
using smtlib::name_b;
using smtlib::name_c;
using smtlib::name_v;

// Reads the weights by their declared names. model_completion: a weight the
// formula does not constrain (a neuron that is never needed) gets a value too.
network::Network network_from_model(z3::context& context, const z3::model& model,
                                    std::size_t neurons) {
  auto value = [&](const std::string& name) {
    return numeric::from_z3(model.eval(context.real_const(name.c_str()), true));
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
  const Limit limit(time_limit);  // writing and parsing the script count too
  std::ostringstream script;      // tiny instances only: holding the text is fine
  smtlib::write_train_smtlib(script, points, {neurons, "(in memory)", std::nullopt});

  // In numeric::z3_context(), so model values become Reals without translation.
  // No "timeout" parameter: check_bounded enforces the limit.
  z3::context& context = numeric::z3_context();
  z3::solver solver(context, "QF_NRA");
  solver.add(context.parse_string(script.str().c_str()));

  // In the child: the network, checked exactly, written exactly (weights in
  // the order a_i1, a_i2, b_i, v_i1, v_i2 per neuron, then c_1, c_2).
  const ModelReader read_model = [&](const z3::model& model) {
    const network::Network net = network_from_model(context, model, neurons);
    nlohmann::ordered_json j;
    j["fits"] = fits_exactly(net, points);
    nlohmann::ordered_json w = nlohmann::ordered_json::array();
    for (const auto& n : net.neurons)
      for (const Real* x : {&n.a[0], &n.a[1], &n.b, &n.v[0], &n.v[1]})
        w.push_back(json_io::real_to_json(*x));
    for (const auto& x : net.c) w.push_back(json_io::real_to_json(x));
    j["weights"] = w;
    return j.dump();
  };
  const BoundedResult r = check_bounded(solver, limit, read_model);

  TrainSolveResult result;
  result.verdict = r.verdict == Verdict::Sat ? Verdict::Unknown : r.verdict;
  result.reason = r.reason;
  if (r.verdict != Verdict::Sat) return result;
  const nlohmann::json j = nlohmann::json::parse(r.model_text);
  if (!j.at("fits").get<bool>()) {
    result.reason = "z3's model does not fit exactly (solver fault)";
    return result;
  }
  static const std::string source = "z3's model";
  const auto w = json_io::Value(j, source).at("weights").array();
  auto weight = [&](std::size_t k) { return json_io::real_from_json(w.at(k)); };
  network::Network net;
  for (std::size_t i = 0; i < neurons; ++i)
    net.neurons.push_back({{weight(5 * i), weight(5 * i + 1)},
                           weight(5 * i + 2),
                           {weight(5 * i + 3), weight(5 * i + 4)}});
  net.c = {weight(5 * neurons), weight(5 * neurons + 1)};
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

}  // namespace etr2nn::solve
