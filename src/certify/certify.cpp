// The full certificate: every claim, in order, and its text and JSON forms.
#include "certify/detail/certify.hpp"

#include <cstdio>
#include <optional>

#include "certify/detail/certify_solver.hpp"

namespace etr2nn::certify {

const char* to_string(ClaimVerdict verdict) {
  switch (verdict) {
    case ClaimVerdict::Proved: return "proved";
    case ClaimVerdict::Refuted: return "refuted";
    case ClaimVerdict::Unknown: return "unknown";
  }
  return "unknown";
}

std::vector<ClaimResult> certify_all(const CertifyOptions& options,
                                     const std::function<void(const ClaimResult&)>& on_result) {
  std::vector<ClaimResult> results;
  // Runs one claim; with a dump directory, its unsat queries are written
  // under the claim's id once it is known.
  auto add = [&](const std::function<ClaimResult()>& claim) {
    std::optional<UnsatQueryLog> log;
    if (!options.dump_smt2_directory.empty()) log.emplace();
    ClaimResult r = claim();
    if (log) {
      r.queries_dumped = write_queries(options.dump_smt2_directory, r.id, log->queries()).size();
      log.reset();
    }
    if (on_result) on_result(r);
    results.push_back(std::move(r));
  };
  for (const auto* kind : gadgets::all_gadget_kinds()) {
    // G1 (lower bound), G2 (rigidity), G3 (slots), G4 (vanishing), then the
    // readings the constraint points use.
    GadgetDescription d = describe(*kind);
    GadgetProfile profile = rigid_profile(kind->name());
    add([&] { return certify_budget(d, options); });
    add([&] { return certify_rigidity(d, profile, options); });
    add([&] { return certify_slots(profile, options); });
    add([&] { return certify_vanishing(profile, options); });
    add([&] { return certify_readings(d, forced_relation(kind->name()), options); });
  }
  for (const auto* point : gadgets::all_constraint_point_kinds())
    add([&] { return certify_constraint_point(*point, options); });
  for (const auto* kind : gadgets::all_gadget_kinds())
    add([&] { return certify_witness(*kind, options); });
  return results;
}

std::string format_result(const ClaimResult& r) {
  char head[200];
  std::snprintf(head, sizeof head,
                "%-8s %-11s types=%-5zu pruned=%-6zu lra=%-5zu nra=%-4zu %8.1f ms  ",
                to_string(r.verdict), r.id.c_str(), r.types, r.types_pruned, r.linear_checks,
                r.nonlinear_checks, r.seconds * 1000.0);
  std::string line = head + r.statement;
  if (!r.detail.empty()) line += "\n         " + r.detail;
  return line;
}

nlohmann::json to_json(const std::vector<ClaimResult>& results) {
  nlohmann::json claims = nlohmann::json::array();
  bool all = true;
  double total = 0;
  for (const auto& r : results) {
    all = all && r.proved();
    total += r.seconds;
    claims.push_back({{"id", r.id},
                      {"statement", r.statement},
                      {"result", to_string(r.verdict)},
                      {"types_checked", r.types},
                      {"types_pruned", r.types_pruned},
                      {"linear_checks", r.linear_checks},
                      {"nonlinear_checks", r.nonlinear_checks},
                      {"seconds", r.seconds},
                      {"detail", r.detail}});
  }
  return {{"format", "etr2nn-gadget-certificate"},
          {"version", 1},
          {"solver", "z3 (QF_LRA, QF_NRA/nlsat)"},
          {"all_proved", all},
          {"total_seconds", total},
          {"claims", claims}};
}

}  // namespace etr2nn::certify
