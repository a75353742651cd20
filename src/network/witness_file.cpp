#include "network/witness_file.hpp"

#include "network/assignment_json.hpp"
#include "network/network_json.hpp"
#include "network/witness.hpp"

namespace etr2nn::network {

namespace {

template <class Points>
Network build_verify_write(const std::string& path, const layout::Arrangement& arrangement,
                           const Points& points, std::size_t count,
                           const etrinv::Assignment& values, const WitnessFileOptions& options) {
  Network network = build_and_verify_witness(arrangement, points, values);
  NetworkFileOptions file;
  file.float_copies = options.float_copies;
  file.meta = {{"kind", "witness"},
               {"verified_points", count},
               {"assignment", assignment_to_json(arrangement.instance, values)}};
  if (!options.source.empty()) file.meta["source"] = options.source;
  write_network(path, network, file);
  return network;
}

}  // namespace

Network write_witness(const std::string& path, const layout::Arrangement& arrangement,
                      const dataset::Emission& emission, const etrinv::Assignment& values,
                      const WitnessFileOptions& options) {
  return build_verify_write(path, arrangement, emission, emission.size(), values, options);
}

Network write_witness(const std::string& path, const layout::Arrangement& arrangement,
                      const dataset::Dataset& dataset, const etrinv::Assignment& values,
                      const WitnessFileOptions& options) {
  return build_verify_write(path, arrangement, dataset, dataset.points.size(), values, options);
}

}  // namespace etr2nn::network
