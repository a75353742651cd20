#include "certify/detail/cpwl_type_encoding.hpp"

namespace etr2nn::certify {
namespace {

z3::expr numeral(z3::context& c, const mpq_class& q) {
  return c.real_val(q.get_str().c_str());
}

// Slopes at the two ends of one gap, per output.
struct GapSlopes {
  z3::expr left, right;
};

}  // namespace

std::string value_name(unsigned output, const mpq_class& position) {
  return "y" + std::to_string(output) + "@" + position.get_str();
}

std::string slope_name(bool left_end, unsigned output, std::size_t gap) {
  return std::string(left_end ? "l" : "r") + std::to_string(output) + "@gap" + std::to_string(gap);
}

TypeEncoding encode_type(z3::context& c, const PositionTable& table, const CpwlType& type) {
  const auto& p = table.positions;
  const std::size_t n = p.size();
  TypeEncoding enc{{}, {}, z3::expr_vector(c), z3::expr_vector(c)};
  for (std::size_t j = 0; j < n; ++j) {
    if (table.label[j]) {
      enc.out1.push_back(numeral(c, table.label[j]->out1));
      enc.out2.push_back(numeral(c, table.label[j]->out2));
    } else {
      enc.out1.push_back(c.real_const(value_name(1, p[j]).c_str()));
      enc.out2.push_back(c.real_const(value_name(2, p[j]).c_str()));
    }
  }
  std::vector<GapSlopes> slopes1, slopes2;
  for (std::size_t g = 0; g + 1 < n; ++g) {
    z3::expr width = numeral(c, p[g + 1] - p[g]);
    z3::expr s1 = (enc.out1[g + 1] - enc.out1[g]) / width;
    z3::expr s2 = (enc.out2[g + 1] - enc.out2[g]) / width;
    if (type.in_gap[g] == 0) {
      slopes1.push_back({s1, s1});
      slopes2.push_back({s2, s2});
      continue;
    }
    z3::expr l1 = c.real_const(slope_name(true, 1, g).c_str()),
             r1 = c.real_const(slope_name(false, 1, g).c_str());
    z3::expr l2 = c.real_const(slope_name(true, 2, g).c_str()),
             r2 = c.real_const(slope_name(false, 2, g).c_str());
    slopes1.push_back({l1, r1});
    slopes2.push_back({l2, r2});
    if (type.in_gap[g] == 1) {
      enc.linear.push_back((l1 <= s1 && s1 <= r1) || (r1 <= s1 && s1 <= l1));
      enc.linear.push_back((l2 <= s2 && s2 <= r2) || (r2 <= s2 && s2 <= l2));
      enc.sharing.push_back((r1 - s1) * (r2 - l2) == (r2 - s2) * (r1 - l1));
    }
  }
  for (std::size_t j = 1; j + 1 < n; ++j) {
    if (type.at_position[j]) continue;
    enc.linear.push_back(slopes1[j - 1].right == slopes1[j].left);
    enc.linear.push_back(slopes2[j - 1].right == slopes2[j].left);
  }
  return enc;
}

}  // namespace etr2nn::certify
