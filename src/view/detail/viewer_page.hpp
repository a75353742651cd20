// The viewer's page: one self-contained HTML file (CSS and JavaScript inline,
// the data as an embedded JSON script element), nothing fetched from anywhere.
// docs/viewer.md describes the controls.
#pragma once

#include <string>

#include "view/detail/viewer_data.hpp"

namespace etr2nn::view {

// The whole page. The JSON is made safe to sit inside <script> ("</" is
// written "<\/", which JSON.parse reads back as "</").
std::string viewer_html(const ViewerData& data);

// The page's inline stylesheet and script, on their own for the tests.
const char* viewer_style();
const char* viewer_script();

}  // namespace etr2nn::view
