// The colours of the drawings, in one place so that the arrangement picture,
// its legend and the profile plot agree.
#pragma once

#include <cstddef>
#include <string>

#include "layout/layout.hpp"

namespace etr2nn::render {

// The colour of the index-th distinct label (labels sorted): 13 colours that
// stay apart from each other, enough for the paper's bound of 13 labels.
// Indices past 12 wrap around.
const std::string& label_colour(std::size_t index);

// The band colour of a gadget strip by its role.
const std::string& role_colour(layout::Gadget::Role role);
// The colour of the breaklines of the neurons assigned to a gadget (by its
// index in the arrangement), cycling through 8 colours.
const std::string& gadget_colour(std::size_t gadget);
// Breaklines of unassigned neurons and marks of missed points.
inline const std::string unassigned_colour = "#000000";
inline const std::string miss_colour = "#ff0000";

// "canonical", "copy", "diagonal".
std::string role_name(layout::Gadget::Role role);

// The two outputs of a profile plot.
inline const std::string out1_colour = "#1f4e9c";
inline const std::string out2_colour = "#d9541e";

}  // namespace etr2nn::render
