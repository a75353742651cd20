// etr2nn render: SVG pictures for inspecting and teaching the reduction.
//   render DATASET.json -o OUT.svg [--region all|stack|column:N|lanes]   the arrangement
//   render --profile I|D --x VALUE -o OUT.svg                      a witness profile
#include <cstdio>
#include <iostream>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "dataset/meta.hpp"
#include "dataset/read.hpp"
#include "gadgets/registry.hpp"
#include "io/atomic_file.hpp"
#include "numeric/rational.hpp"
#include "render/arrangement_svg.hpp"
#include "render/profile_svg.hpp"

namespace etr2nn::cli {
namespace {

const char* usage =
    "etr2nn render DATASET.json -o OUT.svg [--region all|stack[:N]|column:N|lanes[:F]]\n"
    "                    [--quiet]\n"
    "       etr2nn render --profile I|D --x VALUE -o OUT.svg [--quiet]\n"
    "\n"
    "Draws an SVG picture.\n"
    "\n"
    "With a DATASET (made by etr2nn compile): its arrangement. Gadget strips are\n"
    "bands coloured by role (canonical, copy, diagonal), data points are dots\n"
    "coloured by label, constraint points are larger marks with their kind and\n"
    "constraint, the measuring lines through them are dashed, and the three\n"
    "lanes that carry every gadget's home points are thin lines.\n"
    "  --region all        everything (default); the lanes run far from the\n"
    "                      constraint points, so zoom in:\n"
    "  --region column:N   around constraint N's point (0-based, the order of\n"
    "                      'etr2nn inspect --instance'), where its three fresh\n"
    "                      strips cross (neighbouring columns' strips may show)\n"
    "  --region stack:N    the home points, on the lanes, of the canonical\n"
    "                      gadgets of variables N to N+7 (stack alone: from 0)\n"
    "  --region lanes:F    the stretch of the three lanes with the windows of\n"
    "                      family F (C canonical, V, P, M fresh); lanes is lanes:C\n"
    "In a column view the copy links up in the stack are included while the\n"
    "stack is small (no taller than the drop below it).\n"
    "Regions with more than 10000 data points draw each data line as a segment.\n"
    "\n"
    "With --profile KIND: the witness profile of gadget kind I or D for the\n"
    "variable value X given by --x (an exact rational in [1/2, 2], e.g. 1/2 or\n"
    "0.75), both outputs over t in [-1, 20] (out1 solid, out2 dashed), with the\n"
    "data lines and their labels and the measuring lines t = 3, 5, 6, 8.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE   the SVG to write (.svg; atomically: on any error no file\n"
    "                      is left; '-' for standard output)\n"
    "  --quiet             no summary line\n";

// The -o path, checked before the drawing is made: an SVG name, not an input.
std::string output_path(const Arguments& args) {
  const std::string* output = output_option(args);
  if (!output) throw UsageError{"missing -o OUT.svg"};
  check_output("-o", *output, ".svg", "SVG");
  check_distinct(args.positionals(), {*output});
  return *output;
}

// Where the summary line goes: not into the picture on standard output.
std::ostream& summary_stream(const std::string& output) {
  return output == "-" ? std::cerr : std::cout;
}

std::string human_bytes(std::size_t bytes) {
  char buffer[32];
  if (bytes < 10 * 1024) return std::to_string(bytes) + " B";
  std::snprintf(buffer, sizeof buffer, "%.1f KiB", bytes / 1024.0);
  return buffer;
}

int render_profile(const Arguments& args) {
  if (!args.positionals().empty())
    throw UsageError{"--profile draws a gadget kind, not a dataset: drop '" +
                     args.positionals().front() + "'"};
  if (args.option("--region")) throw UsageError{"--region is for datasets, not --profile"};
  const std::string& name = *args.option("--profile");
  const gadgets::GadgetKind* kind = gadgets::gadget_kind(name);
  if (!kind) throw UsageError{"unknown gadget kind '" + name + "' (I or D)"};
  const std::string* text = args.option("--x");
  if (!text) throw UsageError{"--profile needs --x VALUE, the variable value X"};
  const auto x = numeric::parse_rational(*text);
  if (!x) throw UsageError{"--x needs an exact rational such as 1/2 or 0.75, not '" + *text + "'"};
  const auto [lo, hi] = kind->admitted_range();
  if (*x < lo || *x > hi)
    throw UsageError{"--x " + *text + " is outside the " + kind->name() + " gadget's range [" +
                     numeric::to_string(lo) + ", " + numeric::to_string(hi) + "]"};
  const std::string output = output_path(args);
  const std::string svg = render::profile_svg(render::profile_plot(*kind, *x));
  io::write_file_atomically(output, svg);
  if (!args.flag("--quiet"))
    summary_stream(output) << "rendered the " << kind->name()
                           << " gadget's witness profile for X = " << numeric::to_string(*x)
                           << " -> " << output << " (" << human_bytes(svg.size()) << ")\n";
  return 0;
}

int render_dataset(const Arguments& args) {
  if (args.option("--x")) throw UsageError{"--x goes with --profile"};
  if (args.positionals().size() != 1) throw UsageError{"expected exactly one DATASET.json"};
  const std::string& path = args.positionals().front();
  render::ArrangementDrawingOptions options;
  options.title = path;
  if (const std::string* region = args.option("--region")) {
    try {
      options.region = render::parse_region(*region);
    } catch (const std::invalid_argument& e) {
      throw UsageError{e.what()};
    }
  }
  const std::string output = output_path(args);
  check_dataset_input(path);
  const layout::Arrangement arrangement = dataset::arrangement_of(dataset::read_dataset(path));
  // A column or variable the instance does not have is a wrong argument,
  // not a bad file.
  if (const std::string problem = render::region_problem(arrangement, options.region);
      !problem.empty())
    throw UsageError{"--" + problem};
  const render::ArrangementDrawing drawing = render::draw_arrangement(arrangement, options);
  io::write_file_atomically(output, drawing.svg);
  if (!args.flag("--quiet")) {
    const auto count = [](std::size_t n, const char* noun) {
      return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    summary_stream(output) << "rendered " << path << " (region "
                           << render::to_string(options.region) << ": "
                           << count(drawing.data_points, "data point")
                           << (drawing.data_lines_as_segments ? " as data-line segments" : "")
                           << ", " << count(drawing.constraint_points, "constraint point") << ", "
                           << count(drawing.strips, "strip") << ") -> " << output << " ("
                           << human_bytes(drawing.svg.size()) << ")\n";
  }
  return 0;
}

int run(const std::vector<std::string>& raw) {
  const Arguments args(raw, {"-o", "--output", "--region", "--profile", "--x"}, {"--quiet"});
  if (args.help()) {
    std::cout << "usage: " << usage;
    return 0;
  }
  return args.option("--profile") ? render_profile(args) : render_dataset(args);
}

const bool registered = register_subcommand(
    {"render", "draw a dataset's arrangement or a gadget's witness profile as SVG", usage, run});

}  // namespace
}  // namespace etr2nn::cli
