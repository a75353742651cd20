// The one public header of src/view/: code outside the module includes only
// this file; the parts it gathers live in src/view/detail/.
//
// The interactive viewer: Dataset (+ Network) -> one self-contained HTML page.
//   viewer_data   the embedded data (exact coordinates, labels, gadgets, misses)
//   viewer_page   the page: data, script and style inline, nothing fetched
#pragma once

#include "view/detail/viewer_data.hpp"
#include "view/detail/viewer_page.hpp"
