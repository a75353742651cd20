// Every error a user can cause prints in one shape, "WHERE: error: MESSAGE
// [ID]" with an id from the catalogue (docs/errors.md), whichever command and
// whichever reader it comes from.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "diagnostic/diagnostic.hpp"
#include "tool_test.hpp"

namespace etr2nn::testing {
namespace {

class ErrorShape : public ToolTest {
 protected:
  std::string write(const std::string& name, const std::string& text) const {
    const std::string p = (dir / name).string();
    std::ofstream(p) << text;
    return p;
  }
};

// The id on the first line of stderr, or "" when the line is not in the shape.
std::string id_of(const std::string& err) {
  static const std::regex shape(R"(^\S.*: error: .+ \[([a-z0-9-]+)\]$)");
  std::smatch m;
  const std::string first = err.substr(0, err.find('\n'));
  return std::regex_match(first, m, shape) ? std::string(m[1]) : std::string();
}

TEST_F(ErrorShape, EveryKindOfMistakePrintsOneShapeWithItsId) {
  ASSERT_EQ(run("compile " + sample("inv_rational_sat.etr") + " -o " + (dir / "d.json").string() +
                " --witness " + (dir / "n.json").string())
                .status,
            0);
  const std::string d = (dir / "d.json").string(), n = (dir / "n.json").string();
  const std::string bad_weight = write("w.json", R"({"format": "etr2nn-network", "c": ["0", "0"],
      "neurons": [{"a": ["1", "x"], "b": "0", "v": ["0", "0"]}]})");
  const std::string float_value = write("a.json", R"({"x": 0.5})");
  const std::string truncated = write("t.json", R"({"format": "etr2nn-network",)");
  const std::string no_c = write("c.json", R"({"format": "etr2nn-network", "neurons": []})");
  const std::string twice = write("twice.etr", "exists x, x: x = 1");
  const struct {
    std::string args, id;
    int status;
  } cases[] = {
      {"compile " + write("f.etr", "exists x: x +") + " -o " + (dir / "o.json").string(), "syntax",
       1},
      {"compile " + twice + " -o " + (dir / "o.json").string(), "bound-twice", 1},
      {"compile " + (dir / "missing.etr").string() + " -o " + (dir / "o.json").string(),
       "file-unreadable", 1},
      {"compile " + sample("inv_rational_sat.etr") + " -o " + (dir / "o.txt").string(), "usage", 2},
      {"verify " + d + " " + bad_weight, "bad-number", 1},
      {"verify " + d + " " + truncated, "json-syntax", 1},
      {"verify " + d + " " + no_c, "missing-key", 1},
      {"verify " + n + " " + d, "usage", 2},
      {"witness " + d + " --assign " + float_value + " -o " + (dir / "w2.json").string(),
       "bad-number", 1},
      {"witness " + d + " --assign " + write("b.json", R"({"nope": "1"})") + " -o " +
           (dir / "w3.json").string(),
       "assignment-mismatch", 1},
      {"compile " + sample("inv_rational_sat.etr") + " -o /dev/full", "file-unwritable", 1},
  };
  std::set<std::string> known;
  for (const ErrorKind& k : all_error_kinds()) known.insert(std::string(k.id));
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args);
    const ToolOutcome r = run(c.args);
    EXPECT_EQ(r.status, c.status) << r.err;
    EXPECT_EQ(id_of(r.err), c.id) << r.err;
    EXPECT_TRUE(known.count(id_of(r.err))) << r.err;
  }
}

}  // namespace
}  // namespace etr2nn::testing
