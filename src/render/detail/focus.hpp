// Views chosen by meaning: `--focus variable:NAME` and
// `--focus constraint:TEXT-or-N` name what a person is looking for, not a
// column number they would first have to look up.
//
//   variable:NAME    the variable's canonical I gadget: Region gadget:N, its
//                    home window on the lanes, where its value is decoded;
//   constraint:N     constraint N (0-based, the order of etr2nn inspect
//                    --instance): Region column:N;
//   constraint:TEXT  the constraint whose text ("x + x = z", as inspect
//                    prints it) equals TEXT, spaces ignored: its column.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "render/detail/region.hpp"

namespace etr2nn::render {

// Throws std::invalid_argument for a text of neither form, an unknown name or
// constraint text (the message lists the closest existing ones), or a
// constraint index out of range.
Region resolve_focus(const layout::Arrangement& arrangement, const std::string& text);

// The (at most `count`) candidates closest to `wanted` by edit distance
// (spaces ignored, as in constraint texts), closest first, ties in the
// candidates' order.
std::vector<std::string> close_matches(const std::string& wanted,
                                       const std::vector<std::string>& candidates,
                                       std::size_t count = 5);

}  // namespace etr2nn::render
