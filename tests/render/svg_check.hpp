// A minimal XML reader for the render tests: enough to say a drawing is
// well-formed (balanced tags, one root, quoted attributes, no repeated
// attribute, only known entities) and to count and inspect its elements.
// Throws std::runtime_error with the offset of the first problem.
#pragma once

#include <cctype>
#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace etr2nn::render::testing {

struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;  // values unescaped
  std::string text;                               // direct character content, unescaped
  std::ptrdiff_t parent = -1;                     // index into Document::elements
  std::string attribute(const std::string& key) const {
    auto it = attributes.find(key);
    return it == attributes.end() ? std::string() : it->second;
  }
};

struct Document {
  std::vector<Element> elements;  // in document order; elements[0] is the root

  std::vector<const Element*> all(const std::string& name) const {
    std::vector<const Element*> out;
    for (const auto& e : elements)
      if (e.name == name) out.push_back(&e);
    return out;
  }
  // Elements `name` whose class list contains `cls`.
  std::vector<const Element*> with_class(const std::string& name, const std::string& cls) const {
    std::vector<const Element*> out;
    for (const auto* e : all(name)) {
      const std::string list = " " + e->attribute("class") + " ";
      if (list.find(" " + cls + " ") != std::string::npos) out.push_back(e);
    }
    return out;
  }
  // True when some ancestor of e has class `cls` in its class list.
  bool inside(const Element& e, const std::string& cls) const {
    for (std::ptrdiff_t p = e.parent; p >= 0; p = elements[p].parent) {
      const std::string list = " " + elements[p].attribute("class") + " ";
      if (list.find(" " + cls + " ") != std::string::npos) return true;
    }
    return false;
  }
};

inline Document parse_xml(const std::string& s) {
  std::size_t i = 0;
  auto fail = [&](const std::string& what) {
    throw std::runtime_error("not well-formed at offset " + std::to_string(i) + ": " + what);
  };
  auto unescape = [&](const std::string& raw) {
    std::string out;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '<') fail("'<' in character data");
      if (raw[k] != '&') {
        out += raw[k];
        continue;
      }
      const std::size_t semi = raw.find(';', k);
      if (semi == std::string::npos) fail("unterminated entity");
      const std::string name = raw.substr(k + 1, semi - k - 1);
      static const std::map<std::string, char> entities{
          {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
      auto it = entities.find(name);
      if (it == entities.end()) fail("unknown entity &" + name + ";");
      out += it->second;
      k = semi;
    }
    return out;
  };
  auto is_name = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' ||
           c == '.';
  };
  auto skip_space = [&] {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  };
  auto read_name = [&] {
    const std::size_t start = i;
    while (i < s.size() && is_name(s[i])) ++i;
    if (i == start) fail("expected a name");
    return s.substr(start, i - start);
  };

  Document doc;
  std::vector<std::size_t> open;
  bool root_closed = false;
  if (s.compare(0, 5, "<?xml") == 0) {
    i = s.find("?>");
    if (i == std::string::npos) fail("unterminated XML declaration");
    i += 2;
  }
  while (i < s.size()) {
    if (s.compare(i, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", i + 4);
      if (end == std::string::npos) fail("unterminated comment");
      if (s.substr(i + 4, end - i - 4).find("--") != std::string::npos) fail("'--' in a comment");
      i = end + 3;
    } else if (s.compare(i, 2, "</") == 0) {
      i += 2;
      const std::string name = read_name();
      skip_space();
      if (i >= s.size() || s[i] != '>') fail("expected '>'");
      ++i;
      if (open.empty() || doc.elements[open.back()].name != name)
        fail("unbalanced </" + name + ">");
      open.pop_back();
      if (open.empty()) root_closed = true;
    } else if (s[i] == '<') {
      ++i;
      if (root_closed || (open.empty() && !doc.elements.empty())) fail("a second root element");
      Element e;
      e.name = read_name();
      e.parent = open.empty() ? -1 : static_cast<std::ptrdiff_t>(open.back());
      for (;;) {
        skip_space();
        if (i >= s.size()) fail("unterminated tag");
        if (s[i] == '>' || s.compare(i, 2, "/>") == 0) break;
        const std::string key = read_name();
        skip_space();
        if (i >= s.size() || s[i] != '=') fail("expected '=' after " + key);
        ++i;
        skip_space();
        if (i >= s.size() || s[i] != '"') fail("expected a quoted value for " + key);
        const std::size_t end = s.find('"', i + 1);
        if (end == std::string::npos) fail("unterminated attribute value");
        if (e.attributes.count(key)) fail("repeated attribute " + key);
        e.attributes[key] = unescape(s.substr(i + 1, end - i - 1));
        i = end + 1;
      }
      const bool empty = s[i] == '/';
      i += empty ? 2 : 1;
      doc.elements.push_back(std::move(e));
      if (!empty)
        open.push_back(doc.elements.size() - 1);
      else if (open.empty())
        root_closed = true;
    } else {
      const std::size_t end = s.find('<', i);
      const std::string raw = s.substr(i, end == std::string::npos ? std::string::npos : end - i);
      const bool blank = raw.find_first_not_of(" \t\r\n") == std::string::npos;
      if (open.empty() && !blank) fail("text outside the root");
      if (!open.empty()) doc.elements[open.back()].text += unescape(raw);
      i = end == std::string::npos ? s.size() : end;
    }
  }
  if (!open.empty()) fail("<" + doc.elements[open.back()].name + "> is never closed");
  if (doc.elements.empty()) fail("no root element");
  return doc;
}

}  // namespace etr2nn::render::testing
