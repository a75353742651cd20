// check_bounded: answers come back from the child process, a child that does
// not answer is killed at the limit, and errors in the child reach the caller.
#include "solve/detail/bounded_check.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include "json_io/real.hpp"
#include "json_io/value.hpp"
#include "numeric/real.hpp"
#include "numeric/z3_numeral.hpp"

namespace etr2nn::solve {
namespace {

using std::chrono::milliseconds;

TEST(BoundedCheck, SatComesBackWithTheReadersText) {
  z3::context& c = numeric::z3_context();
  z3::solver s(c, "QF_NRA");
  const z3::expr x = c.real_const("x");
  s.add(x * x == 2 && x > 0);
  const BoundedResult r = check_bounded(s, Limit(milliseconds(20000)), [&](const z3::model& m) {
    return json_io::real_to_json(numeric::from_z3(m.eval(x, true))).dump();
  });
  ASSERT_EQ(r.verdict, Verdict::Sat) << r.reason;
  EXPECT_TRUE(r.reason.empty());
  // The text is the positive root, exactly, computed in the child.
  const std::string source = "model";
  const nlohmann::json text = nlohmann::json::parse(r.model_text);
  const numeric::Real back = json_io::real_from_json(json_io::Value(text, source));
  EXPECT_EQ(back, numeric::Real::root(numeric::Real(2), 2));
}

TEST(BoundedCheck, ModelValuesComeBackByName) {
  z3::context& c = numeric::z3_context();
  z3::solver s(c, "QF_NRA");
  const z3::expr x = c.real_const("x"), y = c.real_const("y");
  s.add(x * x == 3 && x < 0 && y == x + 1);
  const BoundedResult r = check_bounded(s, Limit(milliseconds(20000)), write_model_values);
  ASSERT_EQ(r.verdict, Verdict::Sat) << r.reason;
  const auto values = model_values(r.model_text);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values.at("x"), -numeric::Real::root(numeric::Real(3), 2));
  EXPECT_EQ(values.at("y"), values.at("x") + numeric::Real(1));
}

TEST(BoundedCheck, UnsatAndNoModelReaderNeeded) {
  z3::context& c = numeric::z3_context();
  z3::solver s(c, "QF_NRA");
  const z3::expr x = c.real_const("x");
  s.add(x * x == -1);
  const BoundedResult r = check_bounded(s, Limit(milliseconds(20000)));
  EXPECT_EQ(r.verdict, Verdict::Unsat);
  EXPECT_TRUE(r.model_text.empty());
}

// The guarantee does not depend on z3 polling anything: a child stuck in code
// that never looks at a cancel flag (here the model reader, which has the
// limit's allowance after z3's sat) is killed.
TEST(BoundedCheck, AChildThatNeverAnswersIsKilledAtTheLimit) {
  z3::context& c = numeric::z3_context();
  z3::solver s(c, "QF_NRA");
  s.add(c.real_const("x") > 0);
  const BoundedResult r = check_bounded(s, Limit(milliseconds(300)), [](const z3::model&) {
    for (;;) ::pause();  // only a signal ends this
    return std::string();
  });
  EXPECT_EQ(r.verdict, Verdict::Unknown);
  EXPECT_EQ(r.reason, "limit (reading the model)");
}

TEST(BoundedCheck, AnExceptionInTheChildIsRethrownWithItsMessage) {
  z3::context& c = numeric::z3_context();
  z3::solver s(c, "QF_NRA");
  s.add(c.real_const("x") > 0);
  try {
    check_bounded(s, Limit(milliseconds(20000)),
                  [](const z3::model&) -> std::string { throw std::logic_error("bad model"); });
    FAIL() << "expected the child's exception";
  } catch (const etr2nn::Diagnostic& e) {
    EXPECT_EQ(e.kind().id, "solver-failed");
    EXPECT_EQ(e.message(), "z3: bad model");
  }
}

TEST(BoundedCheck, TheParentsSolverIsUntouchedByTheChild) {
  z3::context& c = numeric::z3_context();
  z3::solver s(c, "QF_NRA");
  const z3::expr x = c.real_const("x");
  s.add(x > 1);
  ASSERT_EQ(check_bounded(s, Limit(milliseconds(20000))).verdict, Verdict::Sat);
  s.add(x < 0);  // the parent's solver still works and sees both assertions
  EXPECT_EQ(check_bounded(s, Limit(milliseconds(20000))).verdict, Verdict::Unsat);
}

}  // namespace
}  // namespace etr2nn::solve
