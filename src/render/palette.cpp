#include "render/detail/palette.hpp"

#include <array>

namespace etr2nn::render {

const std::string& label_colour(std::size_t index) {
  // Kelly's colours of maximum contrast, without white, black and the
  // greys that would vanish against the strip bands.
  static const std::array<std::string, 13> colours{
      "#222222", "#f3c300", "#875692", "#f38400", "#a1caf1", "#be0032", "#c2b280",
      "#008856", "#e68fac", "#0067a5", "#f99379", "#604e97", "#8db600"};
  return colours[index % colours.size()];
}

const std::string& role_colour(layout::Gadget::Role role) {
  static const std::string canonical = "#4f7fbf", copy = "#4caf50", diagonal = "#e0803a";
  switch (role) {
    case layout::Gadget::Role::Canonical: return canonical;
    case layout::Gadget::Role::Copy: return copy;
    case layout::Gadget::Role::Diagonal: return diagonal;
  }
  return canonical;
}

const std::string& gadget_colour(std::size_t gadget) {
  // Dark, saturated colours that stay visible over the pale strip bands;
  // neighbouring gadget indices (the three strips of a column) differ.
  static const std::array<std::string, 8> colours{"#d62728", "#1f3fbf", "#2ca02c", "#9467bd",
                                                  "#8c564b", "#e377c2", "#17becf", "#bcbd22"};
  return colours[gadget % colours.size()];
}

std::string role_name(layout::Gadget::Role role) {
  switch (role) {
    case layout::Gadget::Role::Canonical: return "canonical";
    case layout::Gadget::Role::Copy: return "copy";
    case layout::Gadget::Role::Diagonal: return "diagonal";
  }
  return "canonical";
}

}  // namespace etr2nn::render
