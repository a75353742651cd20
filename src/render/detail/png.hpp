// SVG to PNG through librsvg and cairo (Debian's librsvg2-dev), for papers
// and slides: the SVG is the drawing, the PNG only its raster copy.
#pragma once

#include <string>

namespace etr2nn::render {

// The PNG bytes of the SVG rasterised at `width` pixels (the height keeps the
// SVG's aspect ratio; 0 means the SVG's own width), on a white background.
// Throws std::runtime_error when librsvg cannot read the SVG or cairo fails,
// and std::invalid_argument for a width above max_png_width.
inline constexpr unsigned max_png_width = 20000;
std::string svg_to_png(const std::string& svg, unsigned width = 0);

}  // namespace etr2nn::render
