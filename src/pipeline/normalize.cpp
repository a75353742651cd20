#include "pipeline/detail/normalize.hpp"

#include <sstream>

#include "etr/etr.hpp"
#include "etrinv/etrinv.hpp"
#include "io/atomic_file.hpp"
#include "network/network.hpp"

namespace etr2nn::pipeline {

Reduction normalize(const NormalizeRequest& request) {
  ReductionOptions options;
  options.bound_exponent = request.bound_exponent;
  options.want_witness = request.witness_mode;
  options.solve_limit = request.solve_limit;
  const etr::Sentence sentence = etr::parse_file(request.input);
  Reduction reduction;
  try {
    reduction = reduce(sentence, options);
  } catch (const Diagnostic& e) {
    throw e.prefixed("witness mode needs a solution: ");
  }
  const etrinv::ChainResult& chain = reduction.chain;

  std::ostringstream header;
  header << "ETR-INV instance from " << request.input << " (etr2nn normalize)\n";
  if (chain.passed_through) {
    header << "the input was ETR-INV already\n";
  } else {
    header << "K = " << chain.bound_exponent << (request.witness_mode ? " (witness mode)" : "")
           << ": " << completeness(chain) << "\n"
           << "x = (X_x - 1) / (E - 1) for each input variable x\n";
  }
  io::AtomicFile file(request.output);
  etrinv::write_etr(file.stream(), chain.instance, header.str());
  file.commit();
  return reduction;
}

}  // namespace etr2nn::pipeline
