#include "check/detail/verify.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "check/detail/read_dataset.hpp"
#include "check/detail/read_network.hpp"
#include "numeric/rational.hpp"
#include "terminal/progress.hpp"

namespace etr2nn::check {
namespace {

std::size_t neuron_count(const Network& network) {
  return network.neurons.size();
}
std::size_t neuron_count(const RationalNetwork& network) {
  return network.size();
}

// Checks points one at a time, as they are read.
class Checker {
 public:
  template <class N>  // Network or RationalNetwork, alive as long as the checker
  Checker(const N& network, const Options& options)
      : naive_([&network](const Point& x) { return evaluate_naive(network, x); }),
        options_(options),
        f_(network) {
    report_.neurons = neuron_count(network);
    report_.directions = f_.directions();
    report_.rational = f_.rational();
  }

  void operator()(std::size_t index, const LabelledPoint& p) {
    const bool fits =
        options_.naive ? naive_(p.x) == Output{Real(p.y.out1), Real(p.y.out2)} : f_.fits(p.x, p.y);
    if (!fits) {
      ++report_.failures;
      if (report_.first_failures.size() < options_.max_reported) {
        // The reported value comes from the definition, whichever way the
        // verdict was reached.
        Output value = naive_(p.x);
        Output residual = {value[0] - Real(p.y.out1), value[1] - Real(p.y.out2)};
        report_.first_failures.push_back({index, p.x, p.y, value, residual});
      }
    }
    ++report_.points;
    if (options_.progress && (index & 1023) == 0) options_.progress->update(index);
  }

  Report finish(std::size_t allowed_neurons) {
    if (options_.progress) options_.progress->finish();
    report_.allowed_neurons = allowed_neurons;
    return std::move(report_);
  }

 private:
  std::function<Output(const Point&)> naive_;  // evaluate_naive on the network
  const Options& options_;
  Evaluator f_;
  Report report_;
};

}  // namespace

Report verify(const Dataset& dataset, const Network& network, const Options& options) {
  Checker checker(network, options);
  for (std::size_t j = 0; j < dataset.points.size(); ++j) checker(j, dataset.points[j]);
  return checker.finish(dataset.hidden_neurons);
}

namespace {

// Reading and evaluating overlap on two cores: a reader thread parses the
// dataset into batches of points, the calling thread evaluates them in file
// order. Batches are recycled (their mpq_class values keep their limbs), and
// at most `in_flight` exist, so memory stays bounded whatever the file's size.
class Batches {
 public:
  static constexpr std::size_t size = 4096, in_flight = 16;

  struct Batch {
    std::vector<LabelledPoint> points = std::vector<LabelledPoint>(size);
    std::size_t used = 0;
    std::size_t first = 0;  // index of points[0] in the dataset
  };

  Batches() {
    for (std::size_t j = 0; j < in_flight; ++j) free_.push_back(std::make_unique<Batch>());
  }

  // Reader side. Null once the consumer has stopped.
  std::unique_ptr<Batch> empty() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !free_.empty() || stopped_; });
    if (stopped_) return nullptr;
    auto b = std::move(free_.back());
    free_.pop_back();
    return b;
  }
  void full(std::unique_ptr<Batch> b) {
    {
      const std::lock_guard lock(mutex_);
      full_.push_back(std::move(b));
    }
    changed_.notify_all();
  }
  void finish(std::exception_ptr error) {
    {
      const std::lock_guard lock(mutex_);
      done_ = true;
      error_ = std::move(error);
    }
    changed_.notify_all();
  }

  // Consumer side. Null at the end of the points.
  std::unique_ptr<Batch> next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !full_.empty() || done_; });
    if (full_.empty()) return nullptr;
    auto b = std::move(full_.front());
    full_.pop_front();
    return b;
  }
  void recycle(std::unique_ptr<Batch> b) {
    {
      const std::lock_guard lock(mutex_);
      b->used = 0;
      free_.push_back(std::move(b));
    }
    changed_.notify_all();
  }
  void stop() {
    {
      const std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
  }
  std::exception_ptr error() const {
    const std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<Batch>> free_;
  std::deque<std::unique_ptr<Batch>> full_;
  bool done_ = false, stopped_ = false;
  std::exception_ptr error_;
};

// Thrown in the reader thread when the consumer has stopped (its own error).
struct Stopped {};

}  // namespace

namespace {

template <class N>
Report verify_streamed(const std::string& dataset_path, const N& network, const Options& options) {
  Batches batches;
  DatasetHeader header;
  std::thread reader([&] {
    std::exception_ptr error;
    try {
      std::unique_ptr<Batches::Batch> batch;
      header = read_dataset(dataset_path, [&](std::size_t j, const LabelledPoint& p) {
        if (!batch) {
          batch = batches.empty();
          if (!batch) throw Stopped{};
          batch->first = j;
        }
        batch->points[batch->used++] = p;
        if (batch->used == Batches::size) batches.full(std::move(batch));
      });
      if (batch && batch->used > 0) batches.full(std::move(batch));
    } catch (const Stopped&) {
    } catch (...) {
      error = std::current_exception();
    }
    batches.finish(error);
  });
  // The evaluator is set up while the first batches are read.
  try {
    Checker checker(network, options);
    while (auto batch = batches.next()) {
      for (std::size_t k = 0; k < batch->used; ++k) checker(batch->first + k, batch->points[k]);
      batches.recycle(std::move(batch));
    }
    reader.join();
    // A malformed file is reported as such, even if its first points were checked.
    if (const auto error = batches.error()) std::rethrow_exception(error);
    return checker.finish(header.hidden_neurons);
  } catch (...) {
    if (reader.joinable()) {
      batches.stop();
      reader.join();
    }
    throw;
  }
}

}  // namespace

Report verify_file(const std::string& dataset_path, const Network& network,
                   const Options& options) {
  return verify_streamed(dataset_path, network, options);
}

Report verify_file(const std::string& dataset_path, const RationalNetwork& network,
                   const Options& options) {
  return verify_streamed(dataset_path, network, options);
}

Report verify_file(const std::string& dataset_path, const AnyNetwork& network,
                   const Options& options) {
  return std::visit([&](const auto& n) { return verify_streamed(dataset_path, n, options); },
                    network);
}

Report verify_files(const std::string& dataset_path, const std::string& network_path,
                    const Options& options) {
  return verify_file(dataset_path, read_network_lean(network_path), options);
}

std::string exact_text(const Real& value) {
  if (value.is_rational()) return value.to_string();
  std::ostringstream approx;
  approx.precision(12);
  approx << value.to_double();
  return value.to_string() + " ~ " + approx.str();
}

namespace {

std::string pair_text(const Real& a, const Real& b) {
  return "(" + exact_text(a) + ", " + exact_text(b) + ")";
}

}  // namespace

void print_report(std::ostream& out, const Report& report) {
  if (report.ok()) {
    out << "verified: " << report.points << " points, error 0\n";
    out << "network: " << report.neurons << " neurons (the dataset allows "
        << report.allowed_neurons << "), " << report.directions << " distinct directions, exact "
        << (report.rational ? "rational arithmetic"
                            : "real algebraic arithmetic (number fields), no rounding")
        << "\n";
    return;
  }
  out << "FAILED:";
  if (!report.within_budget())
    out << " the network has " << report.neurons << " neurons but the dataset allows only "
        << report.allowed_neurons << ";";
  out << " " << report.failures << " of " << report.points << " points are not fitted exactly\n";
  for (const auto& f : report.first_failures)
    out << "  point " << f.index << " at (" << numeric::to_string(f.x.x) << ", "
        << numeric::to_string(f.x.y) << "): label "
        << pair_text(Real(f.label.out1), Real(f.label.out2)) << ", network "
        << pair_text(f.value[0], f.value[1]) << ", residual "
        << pair_text(f.residual[0], f.residual[1]) << "\n";
  if (report.failures > report.first_failures.size())
    out << "  ... and " << report.failures - report.first_failures.size() << " more\n";
}

}  // namespace etr2nn::check
