// etr2nn view: the arrangement as one self-contained interactive HTML page.
//   view DATASET.json [--network NETWORK.json] -o OUT.html
#include "view/view.hpp"

#include <iostream>
#include <stdexcept>

#include "cli/files.hpp"
#include "cli/subcommand.hpp"
#include "dataset/dataset.hpp"
#include "diagnostic/diagnostic.hpp"
#include "io/atomic_file.hpp"
#include "network/network.hpp"

namespace etr2nn::cli {
namespace {

const char* usage =
    "etr2nn view DATASET.json [--network NETWORK.json] -o OUT.html [--quiet]\n"
    "\n"
    "Writes one self-contained HTML page (no network access needed: script,\n"
    "style and data are inline) to explore the dataset's arrangement in a\n"
    "browser: pan by dragging, zoom with the wheel or the buttons, a legend of\n"
    "the labels whose entries hide and show a label, a search box for a\n"
    "variable name (its canonical gadget) or a constraint (its index or its text\n"
    "as 'etr2nn inspect' prints it), and hover details for every point: exact\n"
    "coordinates, label, gadget (kind, variable, role), data line and lane or\n"
    "constraint point kind and constraint. docs/viewer.md describes it all.\n"
    "\n"
    "With --network: the network's breaklines a.x + b = 0 are drawn (hover one\n"
    "for its neuron index and exact a, b, v), every point is checked exactly and\n"
    "the points the network misses are ringed and listed with f(x) - y.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE   the page to write (.html; atomically: on any error no\n"
    "                      file is left; '-' for standard output)\n"
    "  --network FILE      a network file (docs/network-format.md) to overlay\n"
    "  --quiet             no summary line\n";

int run(const std::vector<std::string>& raw) {
  const Arguments args(raw, {"-o", "--output", "--network"}, {"--quiet"});
  if (args.help()) {
    std::cout << "usage: " << usage;
    return 0;
  }
  if (args.positionals().size() != 1) throw UsageError{"expected exactly one DATASET.json"};
  const std::string& path = args.positionals().front();
  const std::string* output = output_option(args);
  if (!output) throw UsageError{"missing -o OUT.html"};
  check_output("-o", *output, ".html", "HTML");
  const std::string* network_path = args.option("--network");
  std::vector<std::string> inputs{path};
  if (network_path) inputs.push_back(*network_path);
  check_distinct(inputs, {*output});
  if (network_path)
    check_dataset_and_network(path, *network_path);
  else
    check_dataset_input(path);

  const dataset::Dataset data = dataset::read_dataset(path);
  if (!data.meta)
    throw Diagnostic(errors::missing_meta, SourceLocation{path},
                     "the dataset has no \"meta\": the viewer needs the gadgets and constraint "
                     "points a dataset made by etr2nn compile records");
  std::optional<network::Network> net;
  if (network_path) net = network::read_network(*network_path);
  const view::ViewerData viewer = view::viewer_data(data, net ? &*net : nullptr, path);
  const std::string page = view::viewer_html(viewer);
  io::write_file_atomically(*output, page);
  if (!args.flag("--quiet")) {
    std::ostream& out = *output == "-" ? std::cerr : std::cout;
    out << "viewer for " << path << " (" << viewer.points << " points, " << viewer.labels
        << " labels";
    if (net)
      out << "; network " << *network_path << ": " << viewer.neurons << " neurons, "
          << viewer.missed << " missed point" << (viewer.missed == 1 ? "" : "s");
    out << ") -> " << *output << " (" << human_bytes(page.size()) << ")\n";
  }
  return 0;
}

const bool registered = register_subcommand(
    {"view", "write a self-contained interactive HTML viewer of a dataset's arrangement", usage,
     run});

}  // namespace
}  // namespace etr2nn::cli
