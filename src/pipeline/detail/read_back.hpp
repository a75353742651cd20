// The last check before `compile --witness` commits its two files: read them
// back from disk and verify the network on the dataset, exactly, with the
// independent checker (src/check: its own readers and evaluator, nothing
// shared with the code that wrote them).
#pragma once

#include <string>

namespace etr2nn::pipeline {

// `dataset_path` and `network_path` are where the bytes are now (temporaries);
// the names are the targets, for the message. Throws std::runtime_error when
// the network read back does not fit the dataset read back (a bug in the
// writers), naming both targets and what failed.
void check_read_back(const std::string& dataset_path, const std::string& network_path,
                     const std::string& dataset_name, const std::string& network_name);

}  // namespace etr2nn::pipeline
