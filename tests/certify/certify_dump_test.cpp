// certify --dump-smt2: the queries z3 answers unsat are written as SMT-LIB 2
// scripts that z3's own command line (a separate program reading only the
// text) answers unsat again.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "certify/detail/certify.hpp"
#include "certify/detail/certify_solver.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::certify {
namespace {

namespace fs = std::filesystem;

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// stdout and stderr of `z3 FILE` (the Debian package z3, scripts/setup).
std::string z3_answer(const std::string& file) {
  const std::string out = file + ".answer";
  const std::string command = "z3 '" + file + "' >'" + out + "' 2>&1";
  const int raw = std::system(command.c_str());
  std::string answer = slurp(out);
  fs::remove(out);
  if (!WIFEXITED(raw) || WEXITSTATUS(raw) == 127) return "could not run z3: " + answer;
  return answer;
}

fs::path fresh_directory(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("etr2nn_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(CertifyDump, UnsatQueriesAreRecheckedByZ3sCommandLine) {
  const fs::path dir = fresh_directory("certify_dump");
  std::vector<std::string> paths;
  {
    UnsatQueryLog log;
    const ClaimResult r = certify_constraint_point(gadgets::copy_point());
    ASSERT_TRUE(r.proved()) << format_result(r);
    // Both directions of the claim are unsat queries.
    ASSERT_EQ(log.queries().size(), r.linear_checks + r.nonlinear_checks);
    paths = write_queries(dir.string(), r.id, log.queries());
  }
  ASSERT_FALSE(paths.empty());
  EXPECT_EQ(fs::path(paths[0]).filename().string(), "point.copy-1.smt2");
  for (const auto& path : paths) {
    const std::string text = slurp(path);
    EXPECT_EQ(text.rfind("(set-logic QF_", 0), 0u) << text.substr(0, 200);
    EXPECT_NE(text.find("(check-sat)"), std::string::npos);
    EXPECT_EQ(z3_answer(path), "unsat\n") << path;
  }
  fs::remove_all(dir);
}

TEST(CertifyDump, OnlyUnsatAnswersAreKept) {
  z3::context& c = numeric::z3_context();
  UnsatQueryLog log;
  const z3::expr x = c.real_const("x");
  EXPECT_EQ(check_within(c, "QF_NRA", x * x == 2, 10000).result, z3::sat);
  EXPECT_TRUE(log.queries().empty());
  EXPECT_EQ(check_within(c, "QF_NRA", x * x == -1, 10000).result, z3::unsat);
  ASSERT_EQ(log.queries().size(), 1u);
  EXPECT_THROW(UnsatQueryLog second, std::logic_error);  // one log at a time

  // The written text is the question itself: without its assertions z3
  // answers sat, so an "unsat" from the file is not an accident of the format.
  const fs::path dir = fresh_directory("certify_dump_sat");
  const auto paths = write_queries(dir.string(), "x*x=-1", log.queries());
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(fs::path(paths[0]).filename().string(), "x_x_-1-1.smt2");
  EXPECT_EQ(z3_answer(paths[0]), "unsat\n");
  std::string text = slurp(paths[0]);
  const auto assertion = text.find("(assert");
  ASSERT_NE(assertion, std::string::npos) << text;
  text.erase(assertion, text.find("(check-sat)") - assertion);
  std::ofstream(paths[0]) << text;
  // (z3 also objects that the file's status annotation says unsat.)
  EXPECT_EQ(z3_answer(paths[0]).rfind("sat\n", 0), 0u) << text;
  fs::remove_all(dir);
}

// End to end: every claim's queries land in the directory under its id, the
// count printed is the count written, and z3's command line answers unsat to
// the first query of every claim that has one.
TEST(CertifyDump, CertifyWritesEveryUnsatQuery) {
  const fs::path dir = fresh_directory("certify_dump_cli");
  const fs::path queries = dir / "queries";  // created by certify
  const std::string out = (dir / "out.txt").string();
  const std::string command = std::string("'") + ETR2NN_BINARY + "' certify --dump-smt2 '" +
                              queries.string() + "' --json '" + (dir / "c.json").string() + "' >'" +
                              out + "' 2>&1";
  const int raw = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0) << slurp(out);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(queries)) {
    EXPECT_EQ(entry.path().extension(), ".smt2");
    ++files;
  }
  EXPECT_NE(slurp(out).find("wrote " + std::to_string(files) + " unsat queries to "),
            std::string::npos)
      << slurp(out);
  const auto certificate = nlohmann::json::parse(slurp((dir / "c.json").string()));
  std::size_t checked = 0;
  for (const auto& claim : certificate["claims"]) {
    const fs::path first = queries / (claim["id"].get<std::string>() + "-1.smt2");
    if (claim["linear_checks"].get<std::size_t>() + claim["nonlinear_checks"].get<std::size_t>() >
        0) {
      // A proved claim with queries has at least one unsat query.
      ASSERT_TRUE(fs::exists(first)) << first;
      EXPECT_EQ(z3_answer(first.string()), "unsat\n") << first;
      ++checked;
    }
  }
  EXPECT_GE(checked, 10u);
  EXPECT_GT(files, checked);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace etr2nn::certify
