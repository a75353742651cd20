#include "dataset/detail/write.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "dataset/detail/json_meta.hpp"
#include "dataset/detail/statistics.hpp"
#include "diagnostic/diagnostic.hpp"
#include "io/atomic_file.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::dataset {
namespace {

using nlohmann::json;

// What the writer needs of a dataset, whether it lives in memory or is
// computed point by point from an arrangement.
struct Source {
  std::size_t size;
  std::function<LabelledPoint(std::size_t)> point;
  std::size_t hidden_neurons;
  const std::vector<gadgets::Label>& labels;
  const Meta* meta;
};

// Point lines are formatted into plain character buffers (GMP's and
// std::to_chars's digits, no stream and no JSON library: this is most of
// the file), chunk by chunk, on several threads; the chunks are written in
// order, so the bytes do not depend on the number of threads.

// Shortest round-trip decimal; JSON has no infinities, so a value too large
// for a double (never read back anyway) becomes null.
void append_double(std::string& out, const mpq_class& q) {
  const double d = numeric::to_double(q);
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  out.append(buffer, end);
}

// Rational strings contain only digits, '-' and '/': no escaping. GMP keeps
// the results of its arithmetic in lowest terms, so the layout's values print
// canonically as they are.
void append_rational(std::string& out, const mpq_class& q) {
  const std::size_t size =
      mpz_sizeinbase(q.get_num_mpz_t(), 10) + mpz_sizeinbase(q.get_den_mpz_t(), 10) + 3;
  const std::size_t at = out.size();
  out.resize(at + size + 2);
  out[at] = '"';
  mpq_get_str(out.data() + at + 1, 10, q.get_mpq_t());
  const std::size_t length = std::char_traits<char>::length(out.data() + at + 1);
  out[at + 1 + length] = '"';
  out.resize(at + length + 2);
}

void append_point(std::string& out, const LabelledPoint& p) {
  out += "{\"x\":[";
  append_rational(out, p.x.x);
  out += ',';
  append_rational(out, p.x.y);
  out += "],\"y\":[";
  append_rational(out, p.y.out1);
  out += ',';
  append_rational(out, p.y.out2);
  out += "],\"xf\":[";
  append_double(out, p.x.x);
  out += ',';
  append_double(out, p.x.y);
  out += "],\"yf\":[";
  append_double(out, p.y.out1);
  out += ',';
  append_double(out, p.y.out2);
  out += "]}";
}

// A JSON array written one element per line.
template <class Range, class ToJson>
void put_array(std::ostream& out, const char* indent, const Range& items, ToJson to_json) {
  out << '[';
  bool first = true;
  for (const auto& item : items) {
    out << (first ? "\n" : ",\n") << indent << to_json(item).dump();
    first = false;
  }
  if (!first) out << '\n' << std::string(std::char_traits<char>::length(indent) - 2, ' ');
  out << ']';
}

void put_meta(std::ostream& out, const Meta& meta, const nlohmann::json& reduction) {
  const auto& inst = meta.instance;
  out << "{\n    \"generator\": "
      << "\"etr2nn\""
      << ",\n";
  if (!reduction.is_null()) out << "    \"reduction\": " << reduction.dump() << ",\n";
  out << "    \"instance\": {\n      \"variables\": " << json(inst.variables).dump()
      << ",\n      \"constraints\": ";
  put_array(out, "        ", inst.constraints,
            [&](const etrinv::Constraint& c) { return json_meta::constraint(inst, c); });
  out << "\n    },\n    \"layout\": " << json_meta::layout(meta).dump() << ",\n    \"gadgets\": ";
  put_array(out, "      ", meta.gadgets,
            [&](const GadgetRecord& r) { return json_meta::gadget(r, meta); });
  out << ",\n    \"constraint_points\": ";
  put_array(out, "      ", meta.constraint_points,
            [&](const ConstraintPointRecord& r) { return json_meta::constraint_point(r, meta); });
  out << ",\n    \"statistics\": " << json_meta::statistics(meta.statistics).dump() << "\n  }";
}

// Points [begin, end) as they appear in the file, each after its separator.
void format_points(std::string& out, const Source& s, std::size_t begin, std::size_t end) {
  out.clear();
  for (std::size_t i = begin; i < end; ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    append_point(out, s.point(i));
  }
}

unsigned thread_count(const WriteOptions& options) {
  if (options.threads != 0) return options.threads;
  return std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
}

// Rounds of `threads` chunks: the first chunk on this thread, the others on
// their own; then all are written in order. Memory: threads · chunk lines.
void write_points(std::ostream& out, const Source& s, const WriteOptions& options) {
  constexpr std::size_t chunk = 4096;
  const unsigned threads = thread_count(options);
  std::vector<std::string> buffers(threads);
  std::vector<std::future<void>> pending;
  for (std::size_t begin = 0; begin < s.size; begin += chunk * threads) {
    pending.clear();
    for (unsigned t = 1; t < threads; ++t) {
      const std::size_t from = std::min(s.size, begin + t * chunk);
      const std::size_t to = std::min(s.size, from + chunk);
      if (from == to) break;
      pending.push_back(std::async(std::launch::async,
                                   [&, t, from, to] { format_points(buffers[t], s, from, to); }));
    }
    format_points(buffers[0], s, begin, std::min(s.size, begin + chunk));
    for (auto& f : pending) f.wait();
    for (auto& f : pending) f.get();  // a worker's exception, if any
    for (unsigned t = 0; t <= pending.size(); ++t)
      out.write(buffers[t].data(), static_cast<std::streamsize>(buffers[t].size()));
    if (!out) throw Diagnostic(errors::file_unwritable, "write error");
    if (options.progress) options.progress(std::min(s.size, begin + chunk * threads), s.size);
  }
}

// Layout of the file: the header, "labels", "meta", then "points" last, so a
// reader that wants the meta (decode) meets it before the bulk.
void write(std::ostream& out, const Source& s, const WriteOptions& options) {
  out << "{\n  \"format\": \"" << format_name << "\",\n  \"version\": " << format_version
      << ",\n  \"inputs\": 2,\n  \"outputs\": 2,\n  \"hidden_neurons\": " << s.hidden_neurons
      << ",\n  \"target_error\": \"0\",\n  \"labels\": ";
  put_array(out, "    ", s.labels, json_meta::label);
  if (s.meta) {
    out << ",\n  \"meta\": ";
    put_meta(out, *s.meta, options.reduction);
  }
  out << ",\n  \"points\": [";
  write_points(out, s, options);
  out << (s.size == 0 ? "]\n}\n" : "\n  ]\n}\n");
  if (options.progress) options.progress(s.size, s.size);
}

Source source_of(const Emission& e) {
  return {e.size(), [&e](std::size_t i) { return e.point(i); }, e.hidden_neurons(), e.labels(),
          &e.meta()};
}

Source source_of(const Dataset& d) {
  return {d.points.size(), [&d](std::size_t i) { return d.points[i]; }, d.hidden_neurons, d.labels,
          d.meta ? &*d.meta : nullptr};
}

void write_file(const std::string& path, const Source& s, const WriteOptions& options) {
  io::AtomicFile file(path);
  write(file.stream(), s, options);
  if (!file.stream())
    throw Diagnostic(errors::file_unwritable, SourceLocation{path}, "cannot write");
  file.commit();
}

}  // namespace

void write_dataset(std::ostream& out, const Emission& e, const WriteOptions& o) {
  write(out, source_of(e), o);
}
void write_dataset(std::ostream& out, const Dataset& d, const WriteOptions& o) {
  write(out, source_of(d), o);
}
void write_dataset(const std::string& path, const Emission& e, const WriteOptions& o) {
  write_file(path, source_of(e), o);
}
void write_dataset(const std::string& path, const Dataset& d, const WriteOptions& o) {
  write_file(path, source_of(d), o);
}

}  // namespace etr2nn::dataset
