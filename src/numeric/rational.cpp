#include "numeric/rational.hpp"

#include <cctype>

namespace etr2nn::numeric {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::optional<mpq_class> parse_rational(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  mpq_class result;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    auto num = text.substr(0, slash), den = text.substr(slash + 1);
    if (!all_digits(num) || !all_digits(den)) return std::nullopt;
    mpz_class d(std::string(den), 10);
    if (d == 0) return std::nullopt;
    result = mpq_class(mpz_class(std::string(num), 10), d);
  } else if (auto dot = text.find('.'); dot != std::string_view::npos) {
    auto whole = text.substr(0, dot), frac = text.substr(dot + 1);
    if ((whole.empty() && frac.empty()) || (!whole.empty() && !all_digits(whole)) ||
        (!frac.empty() && !all_digits(frac)))
      return std::nullopt;
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, frac.size());
    mpz_class digits(std::string(whole.empty() ? "0" : whole) + std::string(frac), 10);
    result = mpq_class(digits, scale);
  } else {
    if (!all_digits(text)) return std::nullopt;
    result = mpq_class(mpz_class(std::string(text), 10));
  }
  result.canonicalize();
  if (negative) result = -result;
  return result;
}

std::string to_string(const mpq_class& value) {
  mpq_class canonical(value);
  canonical.canonicalize();
  return canonical.get_str(10);
}

double to_double(const mpq_class& value) {
  return value.get_d();
}

}  // namespace etr2nn::numeric
