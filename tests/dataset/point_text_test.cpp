// The writer's fast path (machine-integer points, std::to_chars, integer
// truncation for the display doubles) must give exactly the bytes of the
// general path (mpq values, mpq_get_str, mpq_get_d). Every comparison below
// is against GMP or against the general formatter, never against a stored
// expected text, so any divergence fails.
#include "dataset/detail/point_text.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dataset/detail/emit.hpp"
#include "dataset/detail/write.hpp"
#include "diagnostic/diagnostic.hpp"
#include "generate/generate.hpp"
#include "layout/layout.hpp"
#include "pipeline/pipeline.hpp"
#include "tests/layout/test_instances.hpp"

namespace etr2nn::dataset {
namespace {

namespace fs = std::filesystem;
using point_text::SmallFraction;

mpq_class to_mpq(const SmallFraction& f) {
  mpz_class num, den;
  // Through strings: mpz's long constructors do not take every int64/uint64.
  num = std::to_string(f.num);
  den = std::to_string(f.den);
  mpq_class q(num, den);
  q.canonicalize();
  return q;
}

std::string fast_fraction(const SmallFraction& f) {
  char buffer[point_text::max_fraction_chars];
  return std::string(buffer, point_text::put_fraction(buffer, f));
}

std::string fast_double(const SmallFraction& f) {
  char buffer[point_text::max_double_chars];
  return std::string(buffer, point_text::put_double(buffer, point_text::truncated_double(f)));
}

// num/den in lowest terms (what compute() hands the formatter).
SmallFraction lowest(std::int64_t num, std::uint64_t den) {
  const mpq_class q = to_mpq({num, den});
  return {std::stoll(q.get_num().get_str()), std::stoull(q.get_den().get_str())};
}

// Edge values: zero, ±1, around 2^53 (where doubles stop being exact), the
// int64 extremes, denominators 1, small, odd, powers of two and near 2^64.
std::vector<SmallFraction> edge_fractions() {
  const std::int64_t nums[] = {0,
                               1,
                               -1,
                               2,
                               -3,
                               7,
                               1000000007,
                               -123456789012,
                               (std::int64_t{1} << 53) - 1,
                               std::int64_t{1} << 53,
                               (std::int64_t{1} << 53) + 1,
                               -((std::int64_t{1} << 53) + 1),
                               (std::int64_t{1} << 54) + 3,
                               INT64_MAX,
                               -INT64_MAX,
                               INT64_MIN};
  const std::uint64_t dens[] = {1,          2,
                                3,          7,
                                10,         1024,
                                3ull << 40, (std::uint64_t{1} << 53) + 1,
                                INT64_MAX,  UINT64_MAX - 1,
                                UINT64_MAX};
  std::vector<SmallFraction> out;
  for (const auto n : nums)
    for (const auto d : dens) out.push_back(lowest(n, d));
  // Random magnitudes of every bit length, fixed seed (reproducible).
  std::mt19937_64 random(13);
  for (int i = 0; i < 20000; ++i) {
    const unsigned nbits = 1 + random() % 63, dbits = 1 + random() % 64;
    const auto num = static_cast<std::int64_t>(random() >> (64 - nbits)) * (i % 2 ? -1 : 1);
    const std::uint64_t den = std::max<std::uint64_t>(1, random() >> (64 - dbits));
    out.push_back(lowest(num, den));
  }
  return out;
}

TEST(PointText, FractionsPrintAsGmpPrintsThem) {
  for (const auto& f : edge_fractions()) {
    std::string general;
    point_text::append_rational(general, to_mpq(f));
    ASSERT_EQ(fast_fraction(f), general) << f.num << "/" << f.den;
  }
}

TEST(PointText, DisplayDoublesAreGmpsTruncatedDoubles) {
  for (const auto& f : edge_fractions()) {
    const mpq_class q = to_mpq(f);
    ASSERT_EQ(point_text::truncated_double(f), q.get_d()) << f.num << "/" << f.den;
    std::string general;
    point_text::append_double(general, q);
    ASSERT_EQ(fast_double(f), general) << f.num << "/" << f.den;
  }
}

TEST(PointText, TruncationIsNotRoundingToNearest) {
  // 2^53 + 1.5 is not a double: nearest rounding gives 2^53 + 2, and 1/10
  // rounds up in its last bit; GMP truncates both.
  const SmallFraction above{(std::int64_t{1} << 54) + 3, 2}, tenth{1, 10};
  EXPECT_EQ(point_text::truncated_double(above), to_mpq(above).get_d());
  EXPECT_NE(point_text::truncated_double(above), static_cast<double>(above.num) / 2);
  EXPECT_EQ(point_text::truncated_double(tenth), to_mpq(tenth).get_d());
  EXPECT_NE(point_text::truncated_double(tenth), 1.0 / 10);
}

TEST(PointText, LinesAreTheGeneralFormattersLines) {
  const auto fractions = edge_fractions();
  const gadgets::Label labels[] = {{0, 0}, {1, -1}, {mpq_class(-1, 2), mpq_class(7, 3)}};
  for (std::size_t i = 0; i + 1 < fractions.size(); i += 7) {
    const auto& label = labels[i % 3];
    const SmallFraction& x = fractions[i];
    const SmallFraction& y = fractions[i + 1];
    std::string general;
    point_text::append_point(general, {{to_mpq(x), to_mpq(y)}, label});
    const point_text::LabelText text(label);
    std::vector<char> buffer(
        point_text::max_fast_line_chars(text.exact.size() + text.display.size()));
    char* end = point_text::put_point(buffer.data(), x, y, text);
    ASSERT_EQ(std::string(buffer.data(), end), general) << i;
  }
}

// Arrangements of the layout tests' instances, planted instances and the
// sample sentences (compiled through the whole pipeline) of at most 300 000
// points: the larger ones would make this a slow test and add no new kind of
// point (the same gadget kinds and normals, larger offsets). Made once.
std::vector<layout::Arrangement> make_arrangements() {
  std::vector<layout::Arrangement> out;
  out.push_back(layout::layout(testing::inv_rational_sat()));
  out.push_back(layout::layout(testing::inv_unsat_am_gm()));
  out.push_back(layout::layout(generate::planted_instance(60, 1).instance));
  out.push_back(layout::layout(generate::planted_instance(25, 7).instance));
  // One directory per process: ctest runs the tests that share this list in
  // parallel processes, and one must not remove the other's file.
  const fs::path dir =
      fs::temp_directory_path() / ("etr2nn_point_text_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(fs::path(ETR2NN_SOURCE_DIR) / "samples")) {
    if (entry.path().extension() != ".etr") continue;
    pipeline::CompileRequest request;
    request.input = entry.path().string();
    request.output = (dir / "d.json").string();
    request.max_points = 300000;
    try {
      out.push_back(pipeline::compile(request).report.arrangement);
    } catch (const Diagnostic& e) {
      if (std::string(e.what()).find("above the limit") == std::string::npos) throw;
    }
  }
  fs::remove_all(dir);
  return out;
}

const std::vector<layout::Arrangement>& arrangements() {
  static const std::vector<layout::Arrangement> all = make_arrangements();
  return all;
}

// The same arrangement with offsets that are fractions, negative, near the
// int64 limit, and far past it (those gadgets take the general path).
layout::Arrangement with_awkward_offsets(layout::Arrangement a) {
  const mpz_class huge = mpz_class(1) << 100;
  const mpq_class offsets[] = {mpq_class(7, 3),        mpq_class(-5, 2),
                               mpq_class(-123456789),  mpq_class(mpz_class(INT64_MAX) - 7),
                               mpq_class(huge + 1, 3), mpq_class(1, huge)};
  for (std::size_t g = 0; g < a.gadgets.size(); ++g)
    a.gadgets[g].strip.offset = offsets[g % std::size(offsets)];
  return a;
}

// compute() either gives home_point's exact values or declines; it must not
// decline on the layout's own arrangements.
void expect_home_points(const layout::Arrangement& a, bool may_decline, std::size_t& declined) {
  const layout::GadgetPoints points(a);
  layout::GadgetPointBatch batch;
  for (std::size_t g = 0; g < a.gadgets.size(); ++g) {
    if (!points.compute(g, batch)) {
      ++declined;
      ASSERT_TRUE(may_decline) << "gadget " << g;
      continue;
    }
    for (std::size_t k = 0; k < layout::home_points_per_gadget; ++k) {
      const auto expected = layout::home_point(a, g, k / layout::lane_count,
                                               static_cast<unsigned>(k % layout::lane_count));
      ASSERT_EQ(to_mpq(batch[k].x), expected.where.x) << "gadget " << g << " point " << k;
      ASSERT_EQ(to_mpq(batch[k].y), expected.where.y) << "gadget " << g << " point " << k;
    }
  }
}

// The points section as the general formatter writes it, line by line.
std::string general_points(const Emission& e) {
  std::string out;
  for (std::size_t i = 0; i < e.size(); ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    point_text::append_point(out, e.point(i));
  }
  return out;
}

std::string written_points(const Emission& e, unsigned threads) {
  WriteOptions options;
  options.threads = threads;
  std::ostringstream out;
  write_dataset(out, e, options);
  const std::string text = out.str();
  const std::string open = "\"points\": [";
  const std::size_t from = text.rfind(open) + open.size();
  const std::size_t to = text.rfind("\n  ]\n}\n");
  return text.substr(from, to - from);
}

TEST(GadgetPoints, AreTheLayoutsHomePoints) {
  const auto& all = arrangements();
  ASSERT_GE(all.size(), 4u + 4u);  // the four above and the small samples
  for (const auto& a : all) {
    std::size_t declined = 0;
    expect_home_points(a, false, declined);
  }
}

TEST(GadgetPoints, DeclineOnlyWhatDoesNotFitAndAreExactOtherwise) {
  std::size_t declined = 0;
  const auto a = with_awkward_offsets(layout::layout(generate::planted_instance(25, 7).instance));
  expect_home_points(a, true, declined);
  EXPECT_GT(declined, 0u);  // the 2^100 offsets
  EXPECT_LT(declined, a.gadgets.size());
}

TEST(WriteFastPath, WritesTheGeneralFormattersBytes) {
  for (const auto& a : arrangements()) {
    const Emission e(a);
    const std::string expected = general_points(e);
    ASSERT_EQ(written_points(e, 1), expected);
    ASSERT_EQ(written_points(e, 3), expected);
  }
}

TEST(WriteFastPath, GadgetsThatDoNotFitMixWithOnesThatDo) {
  const auto a = with_awkward_offsets(layout::layout(generate::planted_instance(200, 3).instance));
  const Emission e(a);
  const std::string expected = general_points(e);
  EXPECT_EQ(written_points(e, 1), expected);
  EXPECT_EQ(written_points(e, 2), expected);
}

}  // namespace
}  // namespace etr2nn::dataset
