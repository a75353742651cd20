// The overview of a whole dataset: one cell per column (constraint), side by
// side in rows, not to scale, with a note of the true spacing.
//
// Drawn to scale, a compiled instance is mostly empty plane: columns 45·S(c)
// apart with S growing faster than c, the canonical stack far above and the
// lanes far to the left, so an `all` drawing of a few hundred constraints is
// a row of specks. The overview gives every column the same small cell
// (<rect class="column-cell" data-constraint="N">) with its number, kind and
// constraint text, so thousands of columns stay legible and each can then be
// drawn with --region column:N or --focus constraint:N.
#pragma once

#include <cstddef>
#include <string>

#include "layout/layout.hpp"
#include "render/detail/network_overlay.hpp"

namespace etr2nn::render {

// Datasets with more constraints than this are drawn as an overview when no
// region is asked for.
inline constexpr std::size_t overview_default_above = 64;

struct OverviewOptions {
  std::string title;
  std::size_t cells_per_row = 16;
  // With a network: each column's cell also counts the network's misses in
  // the column's box (region column:N), red when there are any.
  const NetworkOverlay* overlay = nullptr;
};

struct Overview {
  std::string svg;
  std::size_t columns = 0;
  std::size_t columns_with_misses = 0;
};

Overview draw_overview(const layout::Arrangement& arrangement, const OverviewOptions& options);

}  // namespace etr2nn::render
