#include "dataset/detail/write.hpp"

#include <algorithm>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "dataset/detail/json_meta.hpp"
#include "dataset/detail/point_text.hpp"
#include "dataset/detail/statistics.hpp"
#include "diagnostic/diagnostic.hpp"
#include "io/atomic_file.hpp"

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
  // The meta: from a Dataset's Meta, or from the emission's arrangement
  // directly (no copy of its gadgets and constraint points); at most one set.
  const Meta* meta;
  const Emission* emission = nullptr;
  // Set when points [0, generated->data_points.size()) are that
  // arrangement's generated data points in order: the fast path.
  const layout::Arrangement* generated = nullptr;
};

// Point lines are formatted into plain character buffers (no stream and no
// JSON library: this is most of the file), chunk by chunk, on several
// threads; the chunks are written in order, so the bytes do not depend on
// the number of threads.

// A growable buffer that is not zeroed: lines are written straight into it.
class LineBuffer {
 public:
  // Room for n more characters at the end; write there, then call end_at.
  char* room(std::size_t n) {
    if (size_ + n > capacity_) {
      const std::size_t capacity = std::max(2 * capacity_, size_ + n);
      auto grown = std::make_unique_for_overwrite<char[]>(capacity);
      std::copy(data_.get(), data_.get() + size_, grown.get());
      data_ = std::move(grown);
      capacity_ = capacity;
    }
    return data_.get() + size_;
  }
  void end_at(const char* end) { size_ = static_cast<std::size_t>(end - data_.get()); }
  void append(const std::string& text) {
    end_at(std::copy(text.begin(), text.end(), room(text.size())));
  }
  void clear() { size_ = 0; }
  const char* data() const { return data_.get(); }
  std::size_t size() const { return size_; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0, capacity_ = 0;
};

const char* separator(std::size_t i) {
  return i == 0 ? "\n    " : ",\n    ";
}

// The fast path for generated data points: each gadget's 39 points in
// machine integers (GadgetPoints), each kind's label texts formatted once.
class DataPointLines {
 public:
  explicit DataPointLines(const layout::Arrangement& a) : points_(a), arrangement_(a) {
    for (const auto& g : a.gadgets) {
      if (labels_of(g.kind) != nullptr) continue;
      auto& texts = labels_.emplace_back(g.kind, std::vector<point_text::LabelText>{}).second;
      for (const auto& line : g.kind->data_lines()) {
        const auto& text = texts.emplace_back(line.label);
        longest_label_ = std::max(longest_label_, text.exact.size() + text.display.size());
      }
    }
  }
  std::size_t size() const { return arrangement_.data_points.size(); }

  // Formats data points [begin, end) into out, each after its separator. A
  // gadget whose values do not fit in machine integers goes through the
  // general formatter, point by point.
  void format(LineBuffer& out, const Source& s, std::size_t begin, std::size_t end) const {
    using layout::home_points_per_gadget;
    layout::GadgetPointBatch batch;
    std::string general;
    const std::size_t line_chars = 6 + point_text::max_fast_line_chars(longest_label_);
    for (std::size_t i = begin; i < end;) {
      const std::size_t g = i / home_points_per_gadget;
      const std::size_t stop = std::min(end, (g + 1) * home_points_per_gadget);
      if (!points_.compute(g, batch)) {
        for (; i < stop; ++i) {
          general.clear();
          general += separator(i);
          point_text::append_point(general, s.point(i));
          out.append(general);
        }
        continue;
      }
      const auto& labels = *labels_of(arrangement_.gadgets[g].kind);
      char* at = out.room((stop - i) * line_chars);
      for (; i < stop; ++i) {
        const std::size_t k = i % home_points_per_gadget;
        const char* sep = separator(i);
        at = std::copy(sep, sep + std::char_traits<char>::length(sep), at);
        at = point_text::put_point(at, batch[k].x, batch[k].y, labels[k / layout::lane_count]);
      }
      out.end_at(at);
    }
  }

 private:
  const std::vector<point_text::LabelText>* labels_of(const gadgets::GadgetKind* kind) const {
    for (const auto& [k, texts] : labels_)
      if (k == kind) return &texts;
    return nullptr;
  }

  layout::GadgetPoints points_;
  const layout::Arrangement& arrangement_;
  std::vector<std::pair<const gadgets::GadgetKind*, std::vector<point_text::LabelText>>> labels_;
  std::size_t longest_label_ = 0;
};

// A JSON array of n elements, item_json(i) each, written one element per line.
template <class ToJson>
void put_items(std::ostream& out, const char* indent, std::size_t n, ToJson item_json) {
  out << '[';
  for (std::size_t i = 0; i < n; ++i)
    out << (i == 0 ? "\n" : ",\n") << indent << item_json(i).dump();
  if (n != 0) out << '\n' << std::string(std::char_traits<char>::length(indent) - 2, ' ');
  out << ']';
}

template <class Vector, class ToJson>
void put_array(std::ostream& out, const char* indent, const Vector& items, ToJson to_json) {
  put_items(out, indent, items.size(), [&](std::size_t i) { return to_json(items[i]); });
}

// The parts of the meta that differ between a Meta and an arrangement.
struct MetaParts {
  const etrinv::Instance& instance;
  json layout;
  std::size_t gadgets, constraint_points;
  std::function<json(std::size_t)> gadget, constraint_point;
  const Statistics& statistics;
};

MetaParts parts_of(const Meta& meta) {
  return {meta.instance,
          json_meta::layout(meta),
          meta.gadgets.size(),
          meta.constraint_points.size(),
          [&meta](std::size_t g) { return json_meta::gadget(meta.gadgets[g], meta); },
          [&meta](std::size_t i) {
            return json_meta::constraint_point(meta.constraint_points[i], meta);
          },
          meta.statistics};
}

MetaParts parts_of(const Emission& e) {
  const layout::Arrangement& a = e.arrangement();
  return {a.instance,
          json_meta::layout(a.parameters, a.lanes, a.families),
          a.gadgets.size(),
          a.constraint_points.size(),
          [&a, &e](std::size_t g) {
            const auto [first, end] = e.gadget_points(g);
            return json_meta::gadget(a.gadgets[g], first, end, a.families);
          },
          [&a, &e](std::size_t i) {
            return json_meta::constraint_point(
                a.constraint_points[i], e.constraint_point_index(i),
                [&a](std::size_t g) { return a.gadgets.at(g).variable; });
          },
          e.statistics()};
}

void put_meta(std::ostream& out, const MetaParts& meta, const nlohmann::json& reduction) {
  const auto& inst = meta.instance;
  out << "{\n    \"generator\": "
      << "\"etr2nn\""
      << ",\n";
  if (!reduction.is_null()) out << "    \"reduction\": " << reduction.dump() << ",\n";
  out << "    \"instance\": {\n      \"variables\": " << json(inst.variables).dump()
      << ",\n      \"constraints\": ";
  put_array(out, "        ", inst.constraints,
            [&](const etrinv::Constraint& c) { return json_meta::constraint(inst, c); });
  out << "\n    },\n    \"layout\": " << meta.layout.dump() << ",\n    \"gadgets\": ";
  put_items(out, "      ", meta.gadgets, meta.gadget);
  out << ",\n    \"constraint_points\": ";
  put_items(out, "      ", meta.constraint_points, meta.constraint_point);
  out << ",\n    \"statistics\": " << json_meta::statistics(meta.statistics).dump() << "\n  }";
}

// Points [begin, end) as they appear in the file, each after its separator.
void format_points(LineBuffer& out, const Source& s, const DataPointLines* fast, std::size_t begin,
                   std::size_t end) {
  out.clear();
  std::size_t i = begin;
  if (fast != nullptr && i < fast->size()) {
    fast->format(out, s, i, std::min(end, fast->size()));
    i = std::min(end, fast->size());
  }
  std::string line;
  for (; i < end; ++i) {
    line.clear();
    line += separator(i);
    point_text::append_point(line, s.point(i));
    out.append(line);
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
  std::optional<DataPointLines> fast;
  if (s.generated != nullptr) fast.emplace(*s.generated);
  const DataPointLines* lines = fast ? &*fast : nullptr;
  std::vector<LineBuffer> buffers(threads);
  std::vector<std::future<void>> pending;
  for (std::size_t begin = 0; begin < s.size; begin += chunk * threads) {
    pending.clear();
    for (unsigned t = 1; t < threads; ++t) {
      const std::size_t from = std::min(s.size, begin + t * chunk);
      const std::size_t to = std::min(s.size, from + chunk);
      if (from == to) break;
      pending.push_back(std::async(
          std::launch::async, [&, t, from, to] { format_points(buffers[t], s, lines, from, to); }));
    }
    format_points(buffers[0], s, lines, begin, std::min(s.size, begin + chunk));
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
  if (s.meta != nullptr || s.emission != nullptr) {
    out << ",\n  \"meta\": ";
    put_meta(out, s.meta != nullptr ? parts_of(*s.meta) : parts_of(*s.emission), options.reduction);
  }
  out << ",\n  \"points\": [";
  write_points(out, s, options);
  out << (s.size == 0 ? "]\n}\n" : "\n  ]\n}\n");
  if (options.progress) options.progress(s.size, s.size);
}

Source source_of(const Emission& e) {
  const layout::Arrangement& a = e.arrangement();
  return {
      e.size(), [&e](std::size_t i) { return e.point(i); }, e.hidden_neurons(), e.labels(), nullptr,
      &e,       a.data_points.generated() ? &a : nullptr};
}

Source source_of(const Dataset& d) {
  return {d.points.size(),
          [&d](std::size_t i) { return d.points[i]; },
          d.hidden_neurons,
          d.labels,
          d.meta ? &*d.meta : nullptr,
          nullptr};
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
