// The error ids are a contract with scripts (docs/errors.md): the catalogue in
// code and the documented list must be the same, and every id unique.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "diagnostic/diagnostic.hpp"

namespace etr2nn {
namespace {

std::set<std::string> documented_ids() {
  std::ifstream in(std::string(ETR2NN_SOURCE_DIR) + "/docs/errors.md");
  EXPECT_TRUE(in) << "docs/errors.md is missing";
  std::set<std::string> ids;
  const std::regex heading("^### `([a-z0-9-]+)`$");
  std::string line;
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_match(line, m, heading)) ids.insert(m[1]);
  return ids;
}

TEST(ErrorCatalogue, EveryIdIsDocumentedAndEveryDocumentedIdExists) {
  std::set<std::string> in_code;
  for (const ErrorKind& k : all_error_kinds()) {
    EXPECT_TRUE(in_code.insert(std::string(k.id)).second) << "id used twice: " << k.id;
    EXPECT_FALSE(k.summary.empty()) << k.id;
  }
  EXPECT_EQ(in_code, documented_ids());
}

TEST(ErrorCatalogue, RenderedErrorsEndTheirFirstLineWithTheId) {
  const Diagnostic positioned(errors::syntax, SourceLocation{"f.etr", 1, 14},
                              "expected a term at end of input", "exists x: x +");
  EXPECT_EQ(positioned.render(),
            "f.etr:1:14: error: expected a term at end of input [syntax]\n"
            "  exists x: x +\n"
            "               ^");
  const Diagnostic in_json(errors::bad_number, SourceLocation{"N.json", 0, 0, "neurons[0].b"},
                           "'x' is not a rational");
  EXPECT_EQ(in_json.render(), "N.json: error: neurons[0].b: 'x' is not a rational [bad-number]");
  const Diagnostic nowhere(errors::not_a_solution, "constraint 1 (x = 1) is violated");
  EXPECT_EQ(nowhere.render(), "error: constraint 1 (x = 1) is violated [not-a-solution]");
  EXPECT_EQ(nowhere.prefixed("witness: ").message(), "witness: constraint 1 (x = 1) is violated");
  EXPECT_EQ(&nowhere.prefixed("w: ").kind(), &errors::not_a_solution);
  EXPECT_EQ(nowhere.in_file("a.json").where().file, "a.json");
}

}  // namespace
}  // namespace etr2nn
