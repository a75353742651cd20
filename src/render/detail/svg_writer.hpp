// A tiny SVG document builder: elements appended in drawing order, text and
// attribute values escaped, numbers printed short. It knows nothing of
// gadgets; the drawings (arrangement_svg, profile_svg) say what to draw.
//
// Coordinates are doubles in canvas pixels: drawings are for display only,
// every exact computation happens before a value reaches this class.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace etr2nn::render {

struct CanvasPoint {
  double x = 0, y = 0;
};

// Presentation attributes, in order: {"fill", "#1f77b4"}, {"class", "data"}.
using Attributes = std::vector<std::pair<std::string, std::string>>;

// A number as SVG wants it: at most two decimals, no trailing zeros, no "-0".
std::string svg_number(double value);

class SvgWriter {
 public:
  // An <svg> root of the given pixel size with a white background and a
  // <title> (what a viewer shows as the document's name).
  SvgWriter(double width, double height, const std::string& title);

  // <g ...>: every element up to the matching end_group() belongs to it.
  void begin_group(const Attributes& attributes);
  void end_group();

  void rect(double x, double y, double width, double height, const Attributes& attributes);
  void circle(CanvasPoint centre, double radius, const Attributes& attributes);
  void line(CanvasPoint from, CanvasPoint to, const Attributes& attributes);
  void polyline(const std::vector<CanvasPoint>& points, const Attributes& attributes);
  void polygon(const std::vector<CanvasPoint>& points, const Attributes& attributes);
  // Text whose baseline starts at `at` (or is centred there with
  // {"text-anchor", "middle"}).
  void text(CanvasPoint at, const std::string& content, const Attributes& attributes);
  // <title>: the tooltip a viewer shows over the enclosing group (put it
  // first in a begin_group() ... end_group()).
  void title(const std::string& content);
  // An XML comment (for readers of the file, e.g. the exact region drawn).
  void comment(const std::string& content);

  // The document, with any groups still open closed. The writer is spent.
  std::string finish();

 private:
  // Starts the tag <name ...>: geometry attributes first, then the caller's.
  void open(const std::string& name, const Attributes& geometry, const Attributes& style);
  std::string body_;
  unsigned open_groups_ = 0;
};

}  // namespace etr2nn::render
