#include "view/detail/viewer_page.hpp"

namespace etr2nn::view {
namespace {

std::string html_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// JSON inside <script>: only "</" could end the element early.
std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    out += json[i];
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') out += '\\';
  }
  return out;
}

}  // namespace

std::string viewer_html(const ViewerData& data) {
  const std::string title = html_escape(data.document.value("title", std::string("etr2nn view")));
  std::string page;
  page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  page += title;
  page += " - etr2nn view</title>\n<style>\n";
  page += viewer_style();
  page += "</style>\n</head>\n<body>\n";
  page +=
      "<div id=\"side\">\n"
      "<h1 id=\"title\"></h1>\n"
      "<div id=\"summary\"></div>\n"
      "<form id=\"search-form\"><input id=\"search\" type=\"text\" "
      "placeholder=\"variable, constraint index or text\" autocomplete=\"off\">"
      "<button id=\"go\" type=\"submit\">Find</button></form>\n"
      "<div id=\"found\"></div>\n"
      "<div id=\"zoom\"><button id=\"zoom-in\" type=\"button\">+</button>"
      "<button id=\"zoom-out\" type=\"button\">&minus;</button>"
      "<button id=\"fit\" type=\"button\">Fit</button>"
      "<label><input id=\"show-network\" type=\"checkbox\" checked> breaklines</label></div>\n"
      "<h2>Labels</h2>\n<div id=\"legend\"></div>\n"
      "<div id=\"missed-box\"><h2 id=\"missed-title\"></h2><ol id=\"missed\"></ol></div>\n"
      "</div>\n"
      "<div id=\"stage\"><canvas id=\"canvas\"></canvas><div id=\"tooltip\"></div>"
      "<div id=\"status\"></div></div>\n";
  page += "<script type=\"application/json\" id=\"etr2nn-data\">";
  page += script_safe(data.document.dump());
  page += "</script>\n<script>\n";
  page += viewer_script();
  page += "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace etr2nn::view
