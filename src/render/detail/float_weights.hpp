// Networks from training carry float weights; etr2nn's network files are
// exact and the reader refuses JSON floats (json_io/real.hpp: 0.1 in binary
// is not the decimal 0.1). To draw such a network anyway, `etr2nn render
// --float-weights` converts each float to the rational value of its double
// exactly (0.1 becomes 3602879701896397/36028797018963968): the picture then
// shows what that float network computes, nothing rounded further.
#pragma once

#include <nlohmann/json.hpp>

namespace etr2nn::render {

// The document with every JSON float under "c" and "neurons" replaced by the
// exact rational string of its double; integers, strings and everything else
// are left as they are. Returns how many floats were converted in `converted`.
nlohmann::json exact_float_weights(nlohmann::json document, std::size_t& converted);

}  // namespace etr2nn::render
