#include "report/diff_render.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "core/csv_writer.h"

namespace receipts {

std::string RenderDiffCsv(const SnapshotDiff& diff) {
  std::string out = std::string(kDiffCsvHeader) + "\n";
  auto row = [&](const ClaimChange& c, std::string_view field, std::string_view old_value,
                 std::string_view new_value) {
    out += ChangeTypeName(c.type);
    out += ',';
    out += CsvField(c.kind);
    out += ',';
    out += CsvField(c.key);
    out += ',';
    out += CsvField(field);
    out += ',';
    out += CsvField(old_value);
    out += ',';
    out += CsvField(new_value);
    out += '\n';
  };
  for (const ClaimChange& c : diff.changes) {
    switch (c.type) {
      case ChangeType::kAdded:
        row(c, "", "", FormatDollars(c.new_claim->claimed_savings));
        break;
      case ChangeType::kRemoved:
        row(c, "", FormatDollars(c.old_claim->claimed_savings), "");
        break;
      case ChangeType::kChanged:
        for (const FieldChange& f : c.fields) row(c, f.field, f.old_value, f.new_value);
        break;
    }
  }
  return out;
}

namespace {

std::string Savings(const std::optional<Cents>& cents) {
  return cents ? FormatUsd(*cents) : std::string("unknown");
}

std::string Describe(const LedgerClaim& c) {
  std::string out = Savings(c.claimed_savings) + " claimed";
  for (const std::string* part : {&c.agency, &c.vendor, &c.location}) {
    if (!part->empty()) out += "; " + *part;
  }
  return out;
}

}  // namespace

std::string RenderDiffText(const std::string& before_label, const std::string& after_label,
                           const SnapshotDiff& diff) {
  std::string out;
  auto it = std::back_inserter(out);
  fmt::format_to(it, "{} -> {}\n", before_label, after_label);
  fmt::format_to(it, "added {} ({}), removed {} ({}), changed {} (savings {}{})\n", diff.added,
                 FormatUsd(diff.added_savings), diff.removed, FormatUsd(diff.removed_savings),
                 diff.changed, diff.changed_delta >= 0 ? "+" : "", FormatUsd(diff.changed_delta));
  for (const ClaimChange& c : diff.changes) {
    switch (c.type) {
      case ChangeType::kAdded:
        fmt::format_to(it, "added    {}  {}\n", c.key, Describe(*c.new_claim));
        break;
      case ChangeType::kRemoved:
        fmt::format_to(it, "removed  {}  {}\n", c.key, Describe(*c.old_claim));
        break;
      case ChangeType::kChanged:
        fmt::format_to(it, "changed  {}\n", c.key);
        for (const FieldChange& f : c.fields) {
          fmt::format_to(it, "  {}: {} -> {}\n", f.field,
                         f.old_value.empty() ? "(blank)" : f.old_value,
                         f.new_value.empty() ? "(blank)" : f.new_value);
        }
        break;
    }
  }
  return out;
}

}  // namespace receipts
