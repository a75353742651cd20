// What the interactive viewer shows, as one JSON document embedded in the page.
//
// Bulk per-point data are base64 byte arrays (docs/viewer.md lists the
// fields): coordinates as integers over one common denominator, each point as
// its difference from the previous one in zigzag varints (exact, and 1-2
// bytes a coordinate); only when that cannot be exact, Float64 plus the exact
// strings of the points that need them. One label byte and one data-line/lane
// byte per point. Gadgets, constraint points and the network are small (per
// gadget, not per point) and stay plain JSON. Exact values are always the
// file's own strings (numeric::to_string); floats only place things on the
// screen.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "dataset/dataset.hpp"
#include "network/network.hpp"

namespace etr2nn::view {

// The "line" byte of a constraint point (data points store line·4 + lane).
inline constexpr unsigned constraint_point_byte = 255;
// At most this many missed points are listed with their exact error (all
// misses are counted); a random network misses nearly every point.
inline constexpr std::size_t missed_listed_limit = 20000;

struct ViewerData {
  nlohmann::json document;
  std::size_t points = 0;
  std::size_t labels = 0;
  std::size_t missed = 0;  // points the network does not fit (0 without one)
  std::size_t neurons = 0;
};

// Precondition: dataset.meta is present (a dataset made by etr2nn compile);
// throws std::invalid_argument otherwise, or when a data point lies on none of
// its gadget's data lines or more than 255 labels (the label byte) occur.
ViewerData viewer_data(const dataset::Dataset& dataset, const network::Network* network,
                       const std::string& title);

}  // namespace etr2nn::view
