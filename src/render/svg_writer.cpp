#include "render/detail/svg_writer.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace etr2nn::render {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string points_attribute(const std::vector<CanvasPoint>& points) {
  std::string out;
  for (const auto& p : points) {
    if (!out.empty()) out += ' ';
    out += svg_number(p.x) + ',' + svg_number(p.y);
  }
  return out;
}

}  // namespace

std::string svg_number(double value) {
  // A non-finite coordinate would make the whole file invalid; it can only
  // come from a bug upstream, so say so rather than write a broken picture.
  if (!std::isfinite(value)) throw std::logic_error("svg: non-finite coordinate");
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string s = buffer;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

SvgWriter::SvgWriter(double width, double height, const std::string& title) {
  body_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  body_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + svg_number(width) +
           "\" height=\"" + svg_number(height) + "\" viewBox=\"0 0 " + svg_number(width) + ' ' +
           svg_number(height) + "\" font-family=\"sans-serif\">\n";
  body_ += "<title>" + escape(title) + "</title>\n";
  rect(0, 0, width, height, {{"fill", "white"}});
}

void SvgWriter::open(const std::string& name, const Attributes& geometry, const Attributes& style) {
  body_ += '<' + name;
  // A repeated attribute makes the XML ill-formed, so a caller's attribute
  // replaces a default one of the same name.
  auto overridden = [&style](const std::string& key) {
    for (const auto& entry : style)
      if (entry.first == key) return true;
    return false;
  };
  for (const auto& [key, value] : geometry)
    if (!overridden(key)) body_ += ' ' + key + "=\"" + escape(value) + '"';
  for (const auto& [key, value] : style) body_ += ' ' + key + "=\"" + escape(value) + '"';
}

void SvgWriter::begin_group(const Attributes& attributes) {
  open("g", {}, attributes);
  body_ += ">\n";
  ++open_groups_;
}

void SvgWriter::end_group() {
  if (open_groups_ == 0) throw std::logic_error("svg: end_group without begin_group");
  body_ += "</g>\n";
  --open_groups_;
}

void SvgWriter::rect(double x, double y, double width, double height,
                     const Attributes& attributes) {
  open("rect",
       {{"x", svg_number(x)},
        {"y", svg_number(y)},
        {"width", svg_number(width)},
        {"height", svg_number(height)}},
       attributes);
  body_ += "/>\n";
}

void SvgWriter::circle(CanvasPoint centre, double radius, const Attributes& attributes) {
  open("circle",
       {{"cx", svg_number(centre.x)}, {"cy", svg_number(centre.y)}, {"r", svg_number(radius)}},
       attributes);
  body_ += "/>\n";
}

void SvgWriter::line(CanvasPoint from, CanvasPoint to, const Attributes& attributes) {
  open("line",
       {{"x1", svg_number(from.x)},
        {"y1", svg_number(from.y)},
        {"x2", svg_number(to.x)},
        {"y2", svg_number(to.y)}},
       attributes);
  body_ += "/>\n";
}

void SvgWriter::polyline(const std::vector<CanvasPoint>& points, const Attributes& attributes) {
  open("polyline", {{"points", points_attribute(points)}, {"fill", "none"}}, attributes);
  body_ += "/>\n";
}

void SvgWriter::polygon(const std::vector<CanvasPoint>& points, const Attributes& attributes) {
  open("polygon", {{"points", points_attribute(points)}}, attributes);
  body_ += "/>\n";
}

void SvgWriter::text(CanvasPoint at, const std::string& content, const Attributes& attributes) {
  open("text", {{"x", svg_number(at.x)}, {"y", svg_number(at.y)}}, attributes);
  body_ += '>' + escape(content) + "</text>\n";
}

void SvgWriter::title(const std::string& content) {
  body_ += "<title>" + escape(content) + "</title>\n";
}

void SvgWriter::comment(const std::string& content) {
  // "--" may not occur inside an XML comment.
  std::string safe = content;
  for (std::size_t i = safe.find("--"); i != std::string::npos; i = safe.find("--", i))
    safe.replace(i, 2, "- -");
  body_ += "<!-- " + safe + " -->\n";
}

std::string SvgWriter::finish() {
  while (open_groups_ > 0) end_group();
  body_ += "</svg>\n";
  return std::move(body_);
}

}  // namespace etr2nn::render
