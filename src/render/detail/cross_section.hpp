// The cross-section of one gadget under a network: what the network computes
// along the gadget's coordinate t, where the gadget's data demand labels and
// where its constraint points read it.
//
// The gadget's home points lie on the three lanes (layout/detail/arrangement.hpp);
// along lane j the points with t_g = t form a line p_j(t), affine in t, so
// f(p_j(t)) is piecewise linear in t with a vertex wherever a breakline crosses
// the lane. The section computes those vertices and f there exactly (rational
// weights: check::Evaluator; irrational weights: the definition in
// numeric::Real), so the polyline drawn IS f along the lane, not samples of it.
//
// It also evaluates f exactly at each of the gadget's data points and at each
// constraint point on one of its measuring lines, and decodes the gadget's
// slope parameters from f along the middle lane L1 at the measuring lines
// (gadgets::Reading: value = constant + coefficient · s), where a fitting
// network carries the gadget's profile alone. Parameter 0 is X + 1: the
// variable's value as this network gives it.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "layout/layout.hpp"

namespace etr2nn::render {

using Output = std::array<check::Real, 2>;

inline const mpq_class section_t_min{-1};
inline const mpq_class section_t_max{20};

struct SectionVertex {
  check::Real t;
  Output out;
};

// f along lane `lane` for t in [section_t_min, section_t_max]: the two ends
// and every breakpoint in between, in increasing t.
struct LaneSection {
  unsigned lane = 0;
  std::vector<SectionVertex> vertices;
};

struct SectionPoint {
  mpq_class t;
  unsigned lane = 0;                 // data points; constraint points: lane_count
  check::Label label;                // what the dataset demands there
  Output out;                        // f at the point, exact
  bool fits = false;                 // out == label
  std::size_t constraint_point = 0;  // readings: index into constraint_points
  std::string reads;                 // readings: what the measuring line reads
};

// A slope parameter decoded from one measuring line's reading along L1.
struct DecodedSlope {
  mpq_class t;
  unsigned output = 0;       // 0: out1, 1: out2
  std::string parameter;     // "s1", "s"
  bool is_variable = false;  // parameter 0: X = value - 1
  check::Real value;
};

struct CrossSection {
  std::size_t gadget = 0;
  std::vector<LaneSection> lanes;      // L0, L1, L2
  std::vector<SectionPoint> data;      // the gadget's data points, in arrangement order
  std::vector<SectionPoint> readings;  // constraint points on its measuring lines
  std::vector<DecodedSlope> slopes;
};

// Throws std::invalid_argument when gadget is not an index of the arrangement
// or its strip is parallel to the lanes.
CrossSection cross_section(const layout::Arrangement& arrangement, const check::Network& network,
                           std::size_t gadget);

// f at a point with real coordinates, from the definition.
Output evaluate_at(const check::Network& network, const check::Real& x, const check::Real& y);

// The SVG: per lane out1 solid and out2 dashed (<polyline class="section
// out1|out2" data-lane="j">, one vertex per LaneSection vertex), the data
// labels (class "data-mark", missed ones class "data-mark miss"), the
// measuring lines with the value read at each constraint point (class
// "reading"), and a panel with every exact value and the decoded slopes.
std::string cross_section_svg(const layout::Arrangement& arrangement, const CrossSection& section,
                              const std::string& title);

}  // namespace etr2nn::render
