#include "check/detail/model.hpp"

namespace etr2nn::check {

void RationalNetwork::push_back(const Weights& weights) {
  std::array<Weight, 5> stored;
  for (std::size_t k = 0; k < weights.size(); ++k) {
    const mpq_class& q = weights[k];
    if (mpz_fits_slong_p(q.get_num_mpz_t()) && mpz_fits_slong_p(q.get_den_mpz_t())) {
      stored[k] = {mpz_get_si(q.get_num_mpz_t()), mpz_get_si(q.get_den_mpz_t())};
    } else {
      stored[k] = {static_cast<std::int64_t>(big_.size()), 0};
      big_.push_back(q);
    }
  }
  if (size_ % chunk == 0) {
    neurons_.emplace_back();
    neurons_.back().reserve(chunk);
  }
  neurons_.back().push_back(stored);
  ++size_;
}

void RationalNetwork::get(std::size_t i, Weights& out) const {
  const std::array<Weight, 5>& stored = neurons_[i / chunk][i % chunk];
  for (std::size_t k = 0; k < out.size(); ++k) {
    const Weight& w = stored[k];
    if (w.den != 0)  // stored from a canonical mpq_class: still canonical
      mpq_set_si(out[k].get_mpq_t(), w.num, static_cast<unsigned long>(w.den));
    else
      out[k] = big_[static_cast<std::size_t>(w.num)];
  }
}

Network RationalNetwork::expanded() const {
  Network network;
  network.c = {Real(c[0]), Real(c[1])};
  network.neurons.reserve(size());
  Weights w;
  for (std::size_t i = 0; i < size(); ++i) {
    get(i, w);
    network.neurons.push_back({{Real(w[0]), Real(w[1])}, Real(w[2]), {Real(w[3]), Real(w[4])}});
  }
  return network;
}

}  // namespace etr2nn::check
