// write_etr: the .etr text of an instance reads back (front-end parser) as
// exactly to_sentence(instance), and so as the same instance.
#include "etrinv/detail/instance_text.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "etr/etr.hpp"
#include "etrinv/detail/chain.hpp"
#include "sample_sentences.hpp"

namespace etr2nn::etrinv {
namespace {

TEST(InstanceText, ReadsBackAsTheSameInstance) {
  int n = 0;
  for (const auto& s : testing::sample_sentences()) {
    ChainOptions o;
    o.bound_exponent = 3;
    o.allow_pass_through = false;
    ChainResult r = normalize(s.sentence, o);
    std::ostringstream text;
    write_etr(text, r.instance, "from " + s.file + "\nsecond header line");
    EXPECT_EQ(text.str().rfind("# from ", 0), 0u);
    etr::Sentence back = etr::parse(text.str(), etr::Language::Etr, s.file);
    EXPECT_EQ(back, to_sentence(r.instance)) << s.file;
    auto instance = as_etr_inv(back);
    ASSERT_TRUE(instance) << s.file;
    EXPECT_EQ(*instance, r.instance) << s.file;
    ++n;
  }
  EXPECT_EQ(n, 12);
}

TEST(InstanceText, EmptyInstancesAreStillSentences) {
  Instance empty;
  std::ostringstream text;
  write_etr(text, empty);
  EXPECT_NO_THROW(etr::parse(text.str(), etr::Language::Etr, "empty"));
  Instance no_constraints{{"a", "b"}, {}};
  std::ostringstream text2;
  write_etr(text2, no_constraints);
  auto back = as_etr_inv(etr::parse(text2.str(), etr::Language::Etr, "free"));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, no_constraints);
}

}  // namespace
}  // namespace etr2nn::etrinv
