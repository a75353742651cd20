// etr2nn render: SVG (or PNG) pictures for inspecting and teaching the reduction.
//   render DATASET.json -o OUT.svg [--region R | --focus F]   the arrangement or its overview
//   render DATASET.json --network N.json [--gadget G] ...     a network over it, or a gadget's
//                                                             cross-section under the network
//   render --profile I|D --x VALUE -o OUT.svg                 a witness profile
#include "render/render.hpp"

#include <cstdio>
#include <iostream>
#include <optional>

#include "check/check.hpp"
#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "dataset/dataset.hpp"
#include "gadgets/registry.hpp"
#include "io/atomic_file.hpp"
#include "json_io/value.hpp"
#include "numeric/rational.hpp"

namespace etr2nn::cli {
namespace {

const char* usage =
    "etr2nn render DATASET.json -o OUT.svg|OUT.png [--width W]\n"
    "                    [--region all|overview|stack[:N]|column:N|gadget:N|lanes[:F]]\n"
    "                    [--focus variable:NAME|constraint:TEXT|constraint:N]\n"
    "                    [--network N.json [--float-weights] [--gadget G]] [--quiet]\n"
    "       etr2nn render --profile I|D --x VALUE -o OUT.svg|OUT.png [--width W] [--quiet]\n"
    "\n"
    "Draws an SVG picture (or a PNG of it, by the output's extension).\n"
    "\n"
    "With a DATASET (made by etr2nn compile): its arrangement. Gadget strips are\n"
    "bands coloured by role (canonical, copy, diagonal), data points are dots\n"
    "coloured by label, constraint points are larger marks with their kind and\n"
    "constraint, the measuring lines through them are dashed, and the three\n"
    "lanes that carry every gadget's home points are thin lines.\n"
    "  --region all        everything (default up to 64 constraints); the lanes\n"
    "                      run far from the constraint points, so zoom in:\n"
    "  --region overview   one cell per column, side by side, not to scale, with\n"
    "                      the true spacing noted (default above 64 constraints)\n"
    "  --region column:N   around constraint N's point (0-based, the order of\n"
    "                      'etr2nn inspect --instance'), where its three fresh\n"
    "                      strips cross (neighbouring columns' strips may show)\n"
    "  --region stack:N    the home points, on the lanes, of the canonical\n"
    "                      gadgets of variables N to N+7 (stack alone: from 0)\n"
    "  --region gadget:N   gadget N's home points on the three lanes\n"
    "  --region lanes:F    the stretch of the three lanes with the windows of\n"
    "                      family F (C canonical, V, P, M fresh); lanes is lanes:C\n"
    "  --focus variable:NAME       the home of the variable's canonical gadget\n"
    "  --focus constraint:TEXT     the column of the constraint written TEXT\n"
    "                              ('x + x = z'; spaces do not matter)\n"
    "  --focus constraint:N        the column of constraint N\n"
    "                      an unknown name or text is refused with the closest ones\n"
    "In a column view the copy links up in the stack are included while the\n"
    "stack is small (no taller than the drop below it).\n"
    "Regions with more than 10000 data points draw each data line as a segment.\n"
    "\n"
    "  --network N.json    also draw a network: each hidden neuron's breakline\n"
    "                      a.x + b = 0 in view, coloured by the gadget it serves\n"
    "                      (parallel to the gadget's strip and inside it; black\n"
    "                      dashed: unassigned), and every point the network misses\n"
    "                      (exactly: f(x) != y) as a red cross whose tooltip gives\n"
    "                      f, the label and the error, exactly\n"
    "  --float-weights     the network file has JSON floats (from training): each\n"
    "                      becomes its double's exact rational value\n"
    "  --gadget G          with --network: the cross-section of gadget G (an index,\n"
    "                      or a variable name for its canonical gadget): both\n"
    "                      outputs along t on each home lane, the data labels, the\n"
    "                      values read at its constraint points and the decoded\n"
    "                      slope (the variable's value), all exact\n"
    "\n"
    "With --profile KIND: the witness profile of gadget kind I or D for the\n"
    "variable value X given by --x (an exact rational in [1/2, 2], e.g. 1/2 or\n"
    "0.75), both outputs over t in [-1, 20] (out1 solid, out2 dashed), with the\n"
    "data lines and their labels and the measuring lines t = 3, 5, 6, 8.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE   the picture to write: .svg, or .png (through librsvg);\n"
    "                      atomically: on any error no file is left; '-' for an\n"
    "                      SVG on standard output\n"
    "  --width W           the PNG's width in pixels (default: the drawing's own)\n"
    "  --quiet             no summary line\n";

// The -o path, checked before the drawing is made: an SVG or PNG name (by
// its extension), not an input; --width only for PNG.
struct Output {
  std::string path;
  bool png = false;
  unsigned width = 0;  // PNG: 0 is the drawing's own width
};

Output output_path(const Arguments& args) {
  const std::string* output = output_option(args);
  if (!output) throw UsageError{"missing -o OUT.svg (or OUT.png)"};
  Output out{*output};
  const std::string& o = *output;
  out.png = o.size() >= 4 && o.compare(o.size() - 4, 4, ".png") == 0;
  if (out.png)
    check_output("-o", o, ".png", "PNG");
  else
    check_output("-o", o, ".svg", "SVG");
  if (const std::string* width = args.option("--width")) {
    if (!out.png) throw UsageError{"--width sets a PNG's size: write -o OUT.png"};
    if (width->empty() || width->size() > 6 ||
        width->find_first_not_of("0123456789") != std::string::npos || std::stoul(*width) == 0 ||
        std::stoul(*width) > render::max_png_width)
      throw UsageError{"--width needs a whole number of pixels from 1 to " +
                       std::to_string(render::max_png_width) + ", not '" + *width + "'"};
    out.width = static_cast<unsigned>(std::stoul(*width));
  }
  return out;
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
  for (const char* option : {"--network", "--gadget", "--focus"})
    if (args.option(option))
      throw UsageError{std::string(option) + " is for datasets, not --profile"};
  const Output output = output_path(args);
  check_distinct(args.positionals(), {output.path});
  const std::string svg = render::profile_svg(render::profile_plot(*kind, *x));
  const std::string bytes = output.png ? render::svg_to_png(svg, output.width) : svg;
  io::write_file_atomically(output.path, bytes);
  if (!args.flag("--quiet"))
    summary_stream(output.path) << "rendered the " << kind->name()
                                << " gadget's witness profile for X = " << numeric::to_string(*x)
                                << " -> " << output.path << " (" << human_bytes(bytes.size())
                                << ")\n";
  return 0;
}

// The network to draw: exact weights, or with --float-weights each JSON
// float converted to its double's exact rational value.
check::Network read_network(const Arguments& args, const std::string& path) {
  check_input(path);
  if (!args.flag("--float-weights")) return check::read_network(path);
  std::size_t converted = 0;
  const nlohmann::json document =
      render::exact_float_weights(json_io::parse_file(path, "the network file"), converted);
  return check::network_from_json(document, path);
}

// A gadget given by index, or a variable's name (its canonical gadget).
std::size_t gadget_argument(const layout::Arrangement& arrangement, const std::string& text) {
  if (!text.empty() && text.size() < 19 &&
      text.find_first_not_of("0123456789") == std::string::npos) {
    const std::size_t g = std::stoull(text);
    if (g < arrangement.gadgets.size()) return g;
    throw UsageError{"--gadget " + text + ": the arrangement has " +
                     std::to_string(arrangement.gadgets.size()) + " gadgets (0 to " +
                     std::to_string(arrangement.gadgets.size() - 1) + ")"};
  }
  try {
    return render::resolve_focus(arrangement, "variable:" + text).index;
  } catch (const std::invalid_argument& e) {
    throw UsageError{std::string("--gadget (a gadget index or a variable name): ") + e.what()};
  }
}

std::string count(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

int render_dataset(const Arguments& args) {
  if (args.option("--x")) throw UsageError{"--x goes with --profile"};
  if (args.positionals().size() != 1) throw UsageError{"expected exactly one DATASET.json"};
  const std::string& path = args.positionals().front();
  const std::string* region_text = args.option("--region");
  const std::string* focus = args.option("--focus");
  const std::string* network_path = args.option("--network");
  const std::string* gadget = args.option("--gadget");
  if (region_text && focus) throw UsageError{"--region and --focus both choose the view: give one"};
  if (gadget && !network_path)
    throw UsageError{"--gadget draws a network's cross-section: it needs --network N.json"};
  if (gadget && (region_text || focus))
    throw UsageError{
        "--gadget draws one gadget's cross-section, not a region: drop --region/--focus"};
  if (args.flag("--float-weights") && !network_path)
    throw UsageError{"--float-weights goes with --network"};
  const bool overview = region_text && *region_text == "overview";
  render::ArrangementDrawingOptions options;
  options.title = path;
  if (region_text && !overview) {
    try {
      options.region = render::parse_region(*region_text);
    } catch (const std::invalid_argument& e) {
      throw UsageError{std::string(e.what()) + " or overview"};
    }
  }
  const Output output = output_path(args);
  std::vector<std::string> inputs{path};
  if (network_path) inputs.push_back(*network_path);
  check_distinct(inputs, {output.path});
  check_dataset_input(path);
  const layout::Arrangement arrangement = dataset::arrangement_of(dataset::read_dataset(path));
  if (focus) {
    try {
      options.region = render::resolve_focus(arrangement, *focus);
    } catch (const std::invalid_argument& e) {
      throw UsageError{std::string("--") + e.what()};
    }
  }
  // A column or variable the instance does not have is a wrong argument,
  // not a bad file.
  if (const std::string problem = render::region_problem(arrangement, options.region);
      !problem.empty())
    throw UsageError{"--" + problem};
  const std::size_t section_gadget = gadget ? gadget_argument(arrangement, *gadget) : 0;

  std::optional<check::Network> network;
  std::optional<render::NetworkOverlay> overlay;
  if (network_path) {
    network = read_network(args, *network_path);
    overlay = render::overlay_network(arrangement, *network);
  }
  std::string svg, what;
  if (gadget) {
    const render::CrossSection section =
        render::cross_section(arrangement, *network, section_gadget);
    svg = render::cross_section_svg(arrangement, section, path + " with " + *network_path);
    std::size_t missed = 0;
    for (const auto* points : {&section.data, &section.readings})
      for (const auto& p : *points) missed += !p.fits;
    what = "the cross-section of gadget " + std::to_string(section_gadget) + " (" +
           count(section.data.size(), "data point") + ", " +
           count(section.readings.size(), "reading") + ", " + std::to_string(missed) + " missed)";
  } else if (overview ||
             (!region_text && !focus &&
              arrangement.instance.constraints.size() > render::overview_default_above)) {
    render::OverviewOptions o;
    o.title = path;
    if (overlay) o.overlay = &*overlay;
    const render::Overview drawn = render::draw_overview(arrangement, o);
    svg = drawn.svg;
    what = "(overview: " + count(drawn.columns, "column") +
           (overlay ? ", " + std::to_string(drawn.columns_with_misses) + " with misses" : "") + ")";
  } else {
    if (network) {
      options.network = &*network;
      options.overlay = &*overlay;
    }
    const render::ArrangementDrawing drawing = render::draw_arrangement(arrangement, options);
    svg = drawing.svg;
    what = "(region " + render::to_string(options.region) + ": " +
           count(drawing.data_points, "data point") +
           (drawing.data_lines_as_segments ? " as data-line segments" : "") + ", " +
           count(drawing.constraint_points, "constraint point") + ", " +
           count(drawing.strips, "strip") +
           (network ? ", " + count(drawing.breaklines, "breakline") + ", " +
                          std::to_string(drawing.misses) + " missed"
                    : "") +
           ")";
  }
  const std::string bytes = output.png ? render::svg_to_png(svg, output.width) : svg;
  io::write_file_atomically(output.path, bytes);
  if (!args.flag("--quiet")) {
    std::ostream& out = summary_stream(output.path);
    out << "rendered " << path << " " << what << " -> " << output.path << " ("
        << human_bytes(bytes.size()) << ")\n";
    if (overlay) {
      std::size_t assigned = 0;
      for (std::size_t g : overlay->gadget_of) assigned += g != render::unassigned;
      out << "network " << *network_path << ": " << count(network->neurons.size(), "neuron") << " ("
          << assigned << " assigned to gadgets, " << network->neurons.size() - assigned
          << " unassigned); misses " << overlay->misses.size() << " of " << overlay->points_checked
          << " points\n";
    }
  }
  return 0;
}

int run(const std::vector<std::string>& raw) {
  const Arguments args(raw,
                       {"-o", "--output", "--region", "--profile", "--x", "--network", "--gadget",
                        "--focus", "--width"},
                       {"--quiet", "--float-weights"});
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
