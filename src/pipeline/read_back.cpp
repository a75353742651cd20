#include "pipeline/read_back.hpp"

#include <sstream>
#include <stdexcept>

#include "dataset/read.hpp"
#include "network/network_json.hpp"
#include "network/verify.hpp"

namespace etr2nn::pipeline {

void check_read_back(const std::string& dataset_path, const std::string& network_path,
                     const std::string& dataset_name, const std::string& network_name) {
  const network::VerifyReport report =
      network::verify(dataset::read_dataset(dataset_path), network::read_network(network_path), 3);
  if (report.ok()) return;
  std::ostringstream why;
  network::print_report(why, report);
  throw std::runtime_error("the files as written do not verify (" + dataset_name + ", " +
                           network_name + "), so neither was written: " + why.str());
}

}  // namespace etr2nn::pipeline
