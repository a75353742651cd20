// End-to-end: the etr2nn check command, run as a process.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

namespace {

struct Outcome {
  int status = -1;
  std::string out, err;
};

// Runs `etr2nn ARGS`, optionally with `input` on standard input.
Outcome run(const std::string& args, const std::string& input = "") {
  static int counter = 0;
  std::string base = ::testing::TempDir() + "etr2nn_check_" + std::to_string(::getpid()) + "_" +
                     std::to_string(counter++);
  std::string in = base + ".in", out = base + ".out", err = base + ".err";
  std::ofstream(in, std::ios::binary) << input;
  std::string command =
      std::string(ETR2NN_BINARY) + " " + args + " <" + in + " >" + out + " 2>" + err;
  int raw = std::system(command.c_str());
  auto slurp = [](const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
  };
  Outcome r{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err)};
  std::remove(in.c_str());
  std::remove(out.c_str());
  std::remove(err.c_str());
  return r;
}

std::string sample(const std::string& name) {
  return std::string(ETR2NN_SOURCE_DIR) + "/samples/" + name;
}

TEST(CheckCommand, PrintsCanonicalFormAndSummary) {
  Outcome r = run("check " + sample("inv_rational_sat.etr"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "exists x, y, z in [1/2, 2]: x = 1 and x + x = z and z * y = 1\n"
            "variables:  3\n"
            "atoms:      3\n"
            "max degree: 2\n"
            "ETR-INV:    yes (3 constraints)\n");
  EXPECT_EQ(r.err, "");
}

TEST(CheckCommand, SummaryOfANonInvSentence) {
  Outcome r = run("check " + sample("plastic.etr"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "exists x: x^3 - x - 1 = 0 and x > 1\n"
            "variables:  1\n"
            "atoms:      2\n"
            "max degree: 3\n"
            "ETR-INV:    no\n");
}

TEST(CheckCommand, SmtLibFileByExtension) {
  Outcome r = run("check " + sample("sqrt2.smt2"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "exists x: x * x = 2 and x > 0");
}

TEST(CheckCommand, ReadsStandardInput) {
  Outcome e = run("check -", "exists x, y: x*y^2 <= 1");
  EXPECT_EQ(e.status, 0);
  EXPECT_EQ(e.out.substr(0, e.out.find('\n')), "exists x, y: x * y^2 <= 1");
  EXPECT_NE(e.out.find("max degree: 3\n"), std::string::npos);
  Outcome s = run("check -", "; SMT-LIB on stdin\n(declare-const x Real)(assert (> x 1))");
  EXPECT_EQ(s.status, 0);
  EXPECT_EQ(s.out.substr(0, s.out.find('\n')), "exists x: x > 1");
}

TEST(CheckCommand, ErrorsArePositionedWithACaret) {
  Outcome r = run("check -", "exists x, y:\n  x * y = 1 and x + y\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(
      r.err,
      "<stdin>:2:22: error: expected a relation (=, <, <=, >, >=, !=) after 'x + y' [syntax]\n"
      "    x * y = 1 and x + y\n"
      "                       ^\n");
}

TEST(CheckCommand, MissingFileIsAnInputError) {
  Outcome r = run("check /nonexistent/f.etr");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(
      r.err,
      "/nonexistent/f.etr: error: cannot open file: No such file or directory [file-unreadable]\n");
}

TEST(CheckCommand, UsageErrorsExitTwo) {
  Outcome none = run("check");
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.err.find("etr2nn check: error: missing FILE [usage]"), std::string::npos);
  Outcome two = run("check a.etr b.etr");
  EXPECT_EQ(two.status, 2);
  Outcome option = run("check --frobnicate a.etr");
  EXPECT_EQ(option.status, 2);
  EXPECT_NE(option.err.find("unknown option --frobnicate"), std::string::npos);
}

TEST(CheckCommand, Help) {
  Outcome sub = run("check --help");
  EXPECT_EQ(sub.status, 0);
  EXPECT_EQ(sub.out.rfind("etr2nn check FILE\n", 0), 0u);
  Outcome tool = run("--help");
  EXPECT_EQ(tool.status, 0);
  EXPECT_NE(tool.out.find("  check       parse a sentence and print it in canonical form\n"),
            std::string::npos);
}

TEST(CheckCommand, NonUtf8InputIsRejected) {
  Outcome r = run("check -", "exists x: x > 1 # caf\xe9\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "<stdin>:1:22: error: invalid UTF-8: byte 0xE9 does not start a valid character "
            "[invalid-utf8]");
}

}  // namespace
