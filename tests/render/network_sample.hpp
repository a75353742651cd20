// The compiled sample inv_rational_sat.etr (x = 1, x + x = z, z * y = 1, whose
// one solution is x = 1, y = 1/2, z = 2) and its witness network, as the
// checker's model: what the network drawings are tested on.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>

#include "check/check.hpp"
#include "dataset/dataset.hpp"
#include "etr/etr.hpp"
#include "etrinv/etrinv.hpp"
#include "layout/layout.hpp"
#include "network/network.hpp"

namespace etr2nn::render::testing {

struct NetworkSample {
  layout::Arrangement arrangement;
  etrinv::Assignment values;  // by variable index
  check::Network witness;
};

inline check::Network checker_network(const network::Network& n) {
  check::Network out;
  out.c = n.c;
  for (const auto& u : n.neurons) out.neurons.push_back({u.a, u.b, u.v});
  return out;
}

inline const NetworkSample& network_sample() {
  static const NetworkSample s = [] {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("etr2nn_render_network_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "inv_rational_sat.json").string();
    const auto instance = etrinv::as_etr_inv(
        etr::parse_file(std::string(ETR2NN_SOURCE_DIR) + "/samples/inv_rational_sat.etr"));
    dataset::compile_instance(*instance, path);
    NetworkSample r;
    r.arrangement = dataset::arrangement_of(dataset::read_dataset(path));
    fs::remove_all(dir);
    const std::map<std::string, mpq_class> solution{{"x", 1}, {"y", mpq_class(1, 2)}, {"z", 2}};
    for (const auto& name : r.arrangement.instance.variables)
      r.values.push_back(numeric::Real(solution.at(name)));
    r.witness = checker_network(network::build_witness(r.arrangement, r.values));
    return r;
  }();
  return s;
}

// The witness with one output weight changed: it misses the points whose
// value that neuron reaches.
inline check::Network edited_witness(std::size_t neuron = 0) {
  check::Network n = network_sample().witness;
  n.neurons.at(neuron).v[0] += numeric::Real(1);
  return n;
}

}  // namespace etr2nn::render::testing
