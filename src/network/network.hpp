// The one public header of src/network/: code outside the module includes only
// this file; the parts it gathers live in src/network/detail/.
//
// The witness and decode arrows: Arrangement + assignment -> Network, and
// Dataset + Network -> assignment.
//   network          the model: m hidden ReLU neurons, 2 inputs, 2 outputs
//   witness          the network that fits every point of a true formula's dataset
//   evaluate         exact evaluation f(x) of a network at a point
//   verify           the producer-side fit check (the independent one is check/)
//   decode           read the variables' values off a network's breaklines
//   network_json     network files; assignment_json: assignment files
//   witness_file     build, verify exactly and write a witness network file
#pragma once

#include "network/detail/assignment_json.hpp"
#include "network/detail/decode.hpp"
#include "network/detail/evaluate.hpp"
#include "network/detail/network.hpp"
#include "network/detail/network_json.hpp"
#include "network/detail/verify.hpp"
#include "network/detail/witness.hpp"
#include "network/detail/witness_file.hpp"
