#include "network/detail/witness_file.hpp"

#include "network/detail/assignment_json.hpp"
#include "network/detail/network_json.hpp"
#include "network/detail/witness.hpp"

namespace etr2nn::network {

namespace {

NetworkFileOptions witness_file_options(const layout::Arrangement& arrangement,
                                        const etrinv::Assignment& values,
                                        std::size_t verified_points,
                                        const WitnessFileOptions& options) {
  NetworkFileOptions how;
  how.float_copies = options.float_copies;
  how.meta = {{"kind", "witness"},
              {"verified_points", verified_points},
              {"assignment", assignment_to_json(arrangement.instance, values)}};
  if (!options.source.empty()) how.meta["source"] = options.source;
  return how;
}

}  // namespace

void write_witness_network(io::AtomicFile& file, const layout::Arrangement& arrangement,
                           const Network& network, const etrinv::Assignment& values,
                           std::size_t verified_points, const WitnessFileOptions& options) {
  write_network(file, network, witness_file_options(arrangement, values, verified_points, options));
}

void write_witness_network(io::AtomicFile& file, const layout::Arrangement& arrangement,
                           const check::RationalNetwork& network, const etrinv::Assignment& values,
                           std::size_t verified_points, const WitnessFileOptions& options) {
  write_network(file, network, witness_file_options(arrangement, values, verified_points, options));
}

namespace {

template <class Points>
Network build_verify_write(io::AtomicFile& file, const layout::Arrangement& arrangement,
                           const Points& points, std::size_t count,
                           const etrinv::Assignment& values, const WitnessFileOptions& options) {
  Network network = build_and_verify_witness(arrangement, points, values);
  write_witness_network(file, arrangement, network, values, count, options);
  return network;
}

}  // namespace

Network write_witness(io::AtomicFile& file, const layout::Arrangement& arrangement,
                      const dataset::Emission& emission, const etrinv::Assignment& values,
                      const WitnessFileOptions& options) {
  return build_verify_write(file, arrangement, emission, emission.size(), values, options);
}

Network write_witness(io::AtomicFile& file, const layout::Arrangement& arrangement,
                      const dataset::Dataset& dataset, const etrinv::Assignment& values,
                      const WitnessFileOptions& options) {
  return build_verify_write(file, arrangement, dataset, dataset.points.size(), values, options);
}

Network write_witness(const std::string& path, const layout::Arrangement& arrangement,
                      const dataset::Emission& emission, const etrinv::Assignment& values,
                      const WitnessFileOptions& options) {
  io::AtomicFile file(path);
  Network network = write_witness(file, arrangement, emission, values, options);
  file.commit();
  return network;
}

Network write_witness(const std::string& path, const layout::Arrangement& arrangement,
                      const dataset::Dataset& dataset, const etrinv::Assignment& values,
                      const WitnessFileOptions& options) {
  io::AtomicFile file(path);
  Network network = write_witness(file, arrangement, dataset, values, options);
  file.commit();
  return network;
}

}  // namespace etr2nn::network
