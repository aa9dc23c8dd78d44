#include "serve/claim_detail.h"

#include <map>

#include "ledger/history.h"
#include "ledger/verdict_reads.h"
#include "serve/page_layout.h"
#include "serve/verdicts.h"

namespace receipts::serve {
Result<ClaimDetail> LoadClaimDetail(Ledger* ledger, RecordCheck* check, std::string_view key,
                                    std::string_view snapshot_ref) {
  // A claim key (what every link carries) is one indexed read; only an identifier needs the
  // search over PIIDs, award ids, FAINs and verdicts' awards.
  auto exact = FindClaimHistoryOfKey(ledger, key);
  if (!exact.ok()) return exact.status();
  std::vector<ClaimHistory> found;
  if (*exact) found.push_back(std::move(**exact));
  Result<std::vector<ClaimHistory>> histories = std::move(found);
  if (histories->empty()) histories = FindClaimHistories(ledger, key);
  if (!histories.ok()) return histories.status();
  const ClaimHistory* history = nullptr;
  for (const ClaimHistory& h : *histories) {
    if (h.key == key) history = &h;
  }
  if (history == nullptr && histories->size() == 1) history = &histories->front();
  if (history == nullptr) {
    std::string message = "no claim '" + std::string(key.substr(0, 100)) + "'";
    if (!histories->empty()) {
      message += "; it names " + std::to_string(histories->size()) + " claims:";
      for (std::size_t i = 0; i < histories->size() && i < 20; ++i) {
        message += " " + (*histories)[i].key;
      }
    }
    return Status::NotFound(message);
  }
  auto verdicts = VerdictsOfClaim(ledger, history->key);
  if (!verdicts.ok()) return verdicts.status();

  ClaimDetail detail;
  detail.key = history->key;
  const LedgerClaim* last = nullptr;
  bool gone = false;
  for (const ClaimVersion& v : history->versions) {
    ClaimVersionView view;
    view.snapshot = v.snapshot;
    view.claim = v.claim;
    auto verdict = verdicts->find(v.snapshot.id);
    if (verdict != verdicts->end()) view.verdict = verdict->second;
    if (!v.claim) {
      view.mark = "gone";
      gone = true;
    } else {
      if (last != nullptr) view.changes = DiffFields(*last, *v.claim);
      if (last == nullptr) {
        view.mark = "listed";
      } else if (gone) {
        view.mark = "back";
      } else {
        view.mark = view.changes.empty() ? "unchanged" : "changed";
      }
      gone = false;
      last = &*v.claim;
    }
    detail.versions.push_back(std::move(view));
  }

  const ClaimVersionView* shown = nullptr;
  if (snapshot_ref.empty()) {
    for (const ClaimVersionView& v : detail.versions) {
      if (v.claim) shown = &v;
    }
  } else {
    auto snapshot = ledger->FindSnapshot(snapshot_ref);
    if (!snapshot.ok()) return snapshot.status();
    for (const ClaimVersionView& v : detail.versions) {
      if (v.snapshot.id == snapshot->id && v.claim) shown = &v;
    }
    if (shown == nullptr) {
      return Status::NotFound("claim '" + detail.key + "' is not listed in snapshot " +
                              std::to_string(snapshot->id));
    }
  }
  if (shown == nullptr) return Status::NotFound("no claim '" + detail.key + "'");
  detail.snapshot = shown->snapshot;
  detail.row = ClaimRow{*shown->claim, shown->verdict, ""};
  if (check != nullptr) {
    auto result = check->Check(ledger, detail.snapshot, detail.row.claim.seq);
    if (!result.ok()) return result.status();
    detail.check = std::move(*result);
    auto same = check->SameRecordsAsStored(ledger, detail.snapshot.id);
    if (!same.ok()) return same.status();
    detail.check_matches_stored = *same;
    if (const Award* award = check->FindAward(detail.check->award_key)) {
      detail.record_award = *award;
    }
  }
  return detail;
}

std::vector<LifeStep> LifeOfClaim(const std::vector<ClaimVersionView>& versions) {
  std::vector<LifeStep> steps;
  for (const ClaimVersionView& version : versions) {
    bool gone = !version.claim.has_value();
    std::optional<Cents> claimed = gone ? std::nullopt : version.claim->claimed_savings;
    if (!steps.empty() && steps.back().gone == gone && steps.back().claimed_savings == claimed) {
      continue;
    }
    steps.push_back(LifeStep{version.snapshot, gone, claimed,
                             version.verdict ? version.verdict->verdict : std::string()});
  }
  return steps;
}

std::string LifeSentence(const std::vector<LifeStep>& steps) {
  std::string out;
  for (const LifeStep& step : steps) {
    std::string figure =
        step.claimed_savings ? FormatUsd(*step.claimed_savings) : std::string("no savings figure");
    std::string part;
    if (step.gone) {
      part = "gone from the list from " + AsOfText(step.snapshot.as_of);
    } else if (out.empty()) {
      part = (step.claimed_savings ? "First claimed " : "First listed with ") + figure + " on " +
             AsOfText(step.snapshot.as_of);
    } else {
      part = figure + " from " + AsOfText(step.snapshot.as_of);
    }
    if (const char* label = VerdictLabelOf(step.verdict); *label != '\0') {
      part += std::string(" (") + label + ")";
    }
    if (!out.empty()) out += "; ";
    out += part;
  }
  if (!out.empty()) out += ".";
  return out;
}

std::string AwardKeyOfDetail(const ClaimDetail& d) {
  std::string award_key = d.row.verdict ? d.row.verdict->award_key : "";
  if (award_key.empty() && d.check) award_key = d.check->award_key;
  return award_key;
}

ClaimLinks LinksOfDetail(const ClaimDetail& d) {
  const LedgerClaim& c = d.row.claim;
  static const std::vector<RecordRef> kNoEvidence;
  return LinksOfClaim(c.kind, AwardKeyOfDetail(d), c.agency_id, c.piid,
                      d.check ? d.check->evidence : kNoEvidence, c.link, ParentIdvOfDetail(d));
}

ParentIdv ParentIdvOfDetail(const ClaimDetail& d) {
  ParentIdv parent;
  if (d.check) parent = {d.check->parent_idv_agency_id, d.check->parent_idv_piid};
  if (parent.piid.empty() && d.record_award) {
    parent = {d.record_award->idv_agency_id, d.record_award->idv_piid};
  }
  if (parent.piid.empty() && d.record_award) parent = ParentIdvOfAwardKey(d.record_award->key);
  return parent;
}

}  // namespace receipts::serve
