#include "etrinv/detail/instance_text.hpp"

#include <sstream>

namespace etr2nn::etrinv {

void write_etr(std::ostream& out, const Instance& instance, const std::string& header) {
  std::istringstream lines(header);
  for (std::string line; std::getline(lines, line);) out << "# " << line << "\n";
  out << "exists\n";
  if (instance.variables.empty()) {  // the grammar needs a variable
    out << "  unused_ in [1/2, 2]:\n  true\n";
    return;
  }
  std::size_t column = 2;
  out << "  ";
  for (std::size_t i = 0; i < instance.variables.size(); ++i) {
    if (i) {
      out << ",";
      if (column > 90) {
        out << "\n  ";
        column = 2;
      } else {
        out << " ";
        ++column;
      }
    }
    out << instance.variables[i];
    column += instance.variables[i].size() + 1;
  }
  out << " in [1/2, 2]:\n";
  if (instance.constraints.empty()) out << "  true\n";
  for (std::size_t k = 0; k < instance.constraints.size(); ++k)
    out << (k ? "  and " : "  ") << describe(instance, instance.constraints[k]) << "\n";
}

}  // namespace etr2nn::etrinv
