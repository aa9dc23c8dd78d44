// The ledger commands: ingest, log, diff, history, check, head, migrate, keygen, report,
// checkpoint, prove, verify-proof.
//   receipts ingest  --ledger L --claims FILE [--as-of TIME] [--kind K] [--sign-key KEYFILE]
//                    [--allow-empty]
//   receipts log     --ledger L
//   receipts diff    --ledger L A B [--format text|csv]
//   receipts history --ledger L KEY_OR_PIID
//   receipts check   --ledger L [--pubkey FILE] [--expect-head HEAD] [--checkpoint FILE]
//                                                        (exit 3: the ledger was tampered with)
//   receipts head    --ledger L                          (the latest head, to pin for
//   --expect-head) receipts migrate --ledger L receipts keygen  --out KEYFILE receipts report
//   --ledger L --out DIR
//   receipts checkpoint --ledger L [--sign-key KEYFILE]
//   receipts prove   --ledger L --claim KEY [--snapshot ID] [--from CHECKPOINT] [--out FILE]
//   receipts prove   --ledger L --from CHECKPOINT [--out FILE]
//   receipts verify-proof FILE --pubkey KEY [--checkpoint CHECKPOINT]   (exit 3: it does not)
// Only ingest, migrate and checkpoint --sign-key write the ledger; every other command opens it
// read-only.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "claims/claims_reader.h"
#include "cli/command.h"
#include "core/as_of.h"
#include "core/atomic_file.h"
#include "core/input_open.h"
#include "jobs/ingest_job.h"
#include "jobs/ledger_verify_job.h"
#include "ledger/check.h"
#include "ledger/checkpoint.h"
#include "ledger/diff.h"
#include "ledger/hash_chain.h"
#include "ledger/history.h"
#include "ledger/ledger.h"
#include "ledger/proofs.h"
#include "ledger/schema.h"
#include "ledger/signing.h"
#include "ledger/transparency_log.h"
#include "report/diff_render.h"
#include "report/history_render.h"
#include "report/ledger_report.h"

namespace receipts::cli {
namespace {

constexpr int kExitTampered = 3;
constexpr const char* kDefaultLedger = "receipts.db";

void AddLedgerOption(CLI::App* app, std::string* path) {
  app->add_option("--ledger", *path, "Ledger file (SQLite)")->capture_default_str();
}

// --kind: "" (from the claims) or a kind, singular or plural; *ok false for anything else.
std::optional<ClaimKind> ParseKindFlag(const std::string& text, bool* ok) {
  std::optional<ClaimKind> kind = ClaimKindNamed(text);
  *ok = text.empty() || kind.has_value();
  return kind;
}

// Opens the ledger for a read-only command, saying so when an interrupted write had to be
// rolled back first.
Result<std::unique_ptr<Ledger>> OpenForReading(const std::string& path) {
  auto ledger = Ledger::OpenReadOnly(path);
  if (ledger.ok() && (*ledger)->db()->recovered_journal()) {
    std::cerr << "receipts: " << path
              << ": rolled back the hot journal of an interrupted write (the ledger is as its last "
                 "committed ingest left it)\n";
  }
  return ledger;
}

// ---- ingest

struct IngestFlags {
  std::string ledger = kDefaultLedger;
  std::string claims;
  std::string as_of;
  std::string kind;
  std::string sign_key;
  bool allow_empty = false;
};

int RunIngest(const IngestFlags& flags) {
  bool kind_ok = true;
  std::optional<ClaimKind> kind = ParseKindFlag(flags.kind, &kind_ok);
  if (!kind_ok) return UsageError("--kind must be contracts, grants or leases");
  // The capture time is read before the file, so a bad --as-of is refused before any I/O.
  auto as_of = ResolveAsOf(flags.as_of, flags.claims);
  if (!as_of.ok()) return Fail(as_of.status());
  std::optional<SigningKey> key;
  if (!flags.sign_key.empty()) {
    auto read = ReadSigningKey(flags.sign_key);
    if (!read.ok()) return Fail(read.status());
    key = std::move(*read);
  }
  auto bytes = ReadWholeFile(flags.claims, "a claims file");
  if (!bytes.ok()) return Fail(bytes.status());
  IngestJob job;
  job.source = flags.claims;
  job.bytes = std::move(*bytes);
  job.as_of = *as_of;
  job.name = flags.claims;
  job.kind = kind;
  job.allow_empty = flags.allow_empty;
  job.key = key ? &*key : nullptr;
  auto result = RunIngestJob(flags.ledger, std::move(job));
  if (!result.ok()) return Fail(result.status());
  const SnapshotInfo& s = result->snapshot;
  if (result->unchanged) {
    std::cout << "unchanged: identical to snapshot " << s.id << "\n";
    return kExitOk;
  }
  std::cout << s.id << "\n";
  std::cerr << fmt::format("snapshot {}: {} {} claims, {} claimed, as of {}, head {}{}\n", s.id,
                           s.claim_count, s.kind, FormatUsd(s.claimed_total), s.as_of, s.head,
                           s.is_signed ? " (signed)" : "");
  return kExitOk;
}

// ---- log

int RunLog(const std::string& path) {
  auto ledger = OpenForReading(path);
  if (!ledger.ok()) return Fail(ledger.status());
  auto snapshots = (*ledger)->Snapshots();
  if (!snapshots.ok()) return Fail(snapshots.status());
  for (const SnapshotInfo& s : *snapshots) {
    // The kind is last: scripts reading the first five columns read them as before.
    std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", s.id, s.as_of, s.claim_count,
                             FormatDollars(s.claimed_total), s.head, s.kind);
  }
  return kExitOk;
}

// ---- diff

struct DiffFlags {
  std::string ledger = kDefaultLedger;
  std::string before;
  std::string after;
  std::string format = "text";
};

int RunDiff(const DiffFlags& flags) {
  if (flags.format != "text" && flags.format != "csv") {
    return UsageError("--format must be text or csv");
  }
  auto ledger = OpenForReading(flags.ledger);
  if (!ledger.ok()) return Fail(ledger.status());
  auto a = (*ledger)->FindSnapshot(flags.before);
  if (!a.ok()) return Fail(a.status());
  auto b = (*ledger)->FindSnapshot(flags.after);
  if (!b.ok()) return Fail(b.status());
  auto compared = DiffSnapshots(ledger->get(), *a, *b);
  if (!compared.ok()) return Fail(compared.status());
  const SnapshotDiff& diff = *compared;
  if (flags.format == "csv") {
    std::cout << RenderDiffCsv(diff);
  } else {
    auto label = [](const SnapshotInfo& s) {
      return fmt::format("snapshot {} ({}, {} claims, {} claimed)", s.id, s.as_of, s.claim_count,
                         FormatUsd(s.claimed_total));
    };
    std::cout << RenderDiffText(label(*a), label(*b), diff);
  }
  return kExitOk;
}

// ---- history

int RunHistory(const std::string& path, const std::string& key) {
  auto ledger = OpenForReading(path);
  if (!ledger.ok()) return Fail(ledger.status());
  auto histories = FindClaimHistories(ledger->get(), key);
  if (!histories.ok()) return Fail(histories.status());
  if (histories->empty()) {
    return Fail(Status::NotFound("no claim in " + path + " matches '" + key + "'"));
  }
  std::cout << RenderHistories(*histories);
  return kExitOk;
}

// ---- check, head, migrate

struct CheckFlags {
  std::string ledger = kDefaultLedger;
  std::string pubkey;
  std::string expect_head;
  std::string checkpoint;
};

// A checkpoint file's note: its signature verified when `public_key` is given, else only parsed.
Result<Checkpoint> ReadCheckpointFile(const std::string& path,
                                      const std::optional<std::string>& public_key,
                                      std::string* text) {
  auto read = ReadWholeFile(path);
  if (!read.ok()) return read.status();
  *text = std::move(*read);
  if (public_key) {
    auto opened = OpenCheckpoint(*text, *public_key);
    if (!opened.ok()) {
      return opened.status().code() == Status::Code::kCorruption
                 ? Status::Corruption(path + ": " + opened.status().message())
                 : Status::InvalidInput(path + ": " + opened.status().message());
    }
    return opened;
  }
  auto note = ParseSignedNote(*text);
  if (!note.ok()) return Status::InvalidInput(path + ": " + note.status().message());
  auto body = ParseCheckpointBody(note->body);
  if (!body.ok()) return Status::InvalidInput(path + ": " + body.status().message());
  return body;
}

bool IsHexHead(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

int RunCheck(const CheckFlags& flags) {
  CheckOptions options;
  if (!flags.pubkey.empty()) {
    auto read = ReadPublicKey(flags.pubkey);
    if (!read.ok()) return Fail(read.status());
    options.public_key = std::move(*read);
  }
  if (!flags.expect_head.empty()) {
    if (!IsHexHead(flags.expect_head)) {
      return UsageError(
          "--expect-head must be a head: 64 lower-case hex digits, as printed by "
          "'receipts head'");
    }
    options.expect_head = flags.expect_head;
  }
  if (!flags.checkpoint.empty()) {
    std::string text;
    auto checkpoint = ReadCheckpointFile(flags.checkpoint, options.public_key, &text);
    if (!checkpoint.ok()) {
      if (checkpoint.status().code() == Status::Code::kCorruption) {
        std::cerr << "receipts: BAD: " << checkpoint.status().message() << "\n";
        return kExitTampered;
      }
      return Fail(checkpoint.status());
    }
    options.checkpoint = *checkpoint;
  }
  options.read_pages = ReadPagesClaims;
  auto ledger = OpenForReading(flags.ledger);
  if (!ledger.ok()) return Fail(ledger.status());
  auto report = CheckLedger((*ledger)->db(), options);
  if (!report.ok()) {
    if (report.status().code() == Status::Code::kCorruption) {
      std::cerr << "receipts: BAD: " << report.status().message() << "\n";
      return kExitTampered;
    }
    return Fail(report.status());
  }
  if (!report->intact) {
    if (report->first_bad_snapshot > 0) {
      std::cout << fmt::format("BAD: snapshot {}: {}\n", report->first_bad_snapshot,
                               report->problem);
    } else {
      std::cout << "BAD: " << report->problem << "\n";
    }
    return kExitTampered;
  }
  std::cout << fmt::format("ok: {} snapshots, head {}\n", report->snapshots, report->head);
  if (options.public_key) {
    std::cout << fmt::format("signatures: {} of {} heads signed by {}, all valid\n",
                             report->signed_heads, report->snapshots, ToHex(*options.public_key));
  } else {
    std::cout << fmt::format(
        "signatures: {} of {} heads signed{}\n", report->signed_heads, report->snapshots,
        report->signed_heads > 0 ? ", each valid for the key stored with it" : "");
  }
  if (report->verifications > 0) {
    std::cout << fmt::format("verifications: {} sealed, all match\n", report->verifications);
  }
  if (options.expect_head) {
    std::cout << fmt::format("expected head: snapshot {}\n", report->expected_head_at);
  }
  std::cout << fmt::format("log: {} leaves, every one recomputed from the rows; root {}\n",
                           report->log.size, ToBase64(report->log.root));
  if (report->extends_checkpoint) {
    std::cout << fmt::format("checkpoint: the log extends the checkpoint of {} leaves\n",
                             options.checkpoint->size);
  }
  if (!report->read_by_older_parser.empty()) {
    std::cout << fmt::format(
        "read by an older parser: snapshot {}: this receipts (claims parser {}) reads their raw "
        "pages into other claims; the stored claims stand as stored, but verify --ledger cannot "
        "re-derive them: ingest those lists again to read them with this parser\n",
        fmt::join(report->read_by_older_parser, ", "), kClaimsParserVersion);
  }
  return kExitOk;
}

// Prints the latest stored head (not recomputed: pin it after a passing check).
int RunHead(const std::string& path) {
  auto ledger = OpenForReading(path);
  if (!ledger.ok()) return Fail(ledger.status());
  auto snapshots = (*ledger)->Snapshots();
  if (!snapshots.ok()) return Fail(snapshots.status());
  std::cout << (snapshots->empty() ? std::string(kGenesisHead) : snapshots->back().head) << "\n";
  return kExitOk;
}

int RunMigrate(const std::string& path) {
  auto ledger = Ledger::Open(path, /*create=*/false);
  if (!ledger.ok()) return Fail(ledger.status());
  std::cout << fmt::format("{}: schema version {}\n", path, kLedgerSchemaVersion);
  return kExitOk;
}

// ---- checkpoint, prove, verify-proof

struct CheckpointFlags {
  std::string ledger = kDefaultLedger;
  std::string sign_key;
};

// Prints the log's checkpoint: signed (and stored, for reports and the site) with --sign-key;
// else the latest stored signed one when it is of the log as it is; else the unsigned body.
int RunCheckpoint(const CheckpointFlags& flags) {
  if (!flags.sign_key.empty()) {
    auto key = ReadSigningKey(flags.sign_key);
    if (!key.ok()) return Fail(key.status());
    auto ledger = Ledger::Open(flags.ledger, /*create=*/false);
    if (!ledger.ok()) return Fail(ledger.status());
    auto note = SignAndStoreCheckpoint((*ledger)->db(), *key);
    if (!note.ok()) return Fail(note.status());
    std::cout << *note;
    return kExitOk;
  }
  auto ledger = OpenForReading(flags.ledger);
  if (!ledger.ok()) return Fail(ledger.status());
  auto note = LogCheckpointNote((*ledger)->db());
  if (!note.ok()) return Fail(note.status());
  std::cout << *note;
  return kExitOk;
}

struct ProveFlags {
  std::string ledger = kDefaultLedger;
  std::string claim;
  std::string snapshot;
  std::string from;
  std::string sign_key;
  std::string out;
};

int RunProve(const ProveFlags& flags) {
  if (flags.claim.empty() && flags.from.empty()) {
    return UsageError(
        "give --claim KEY (a claim's proof) or --from CHECKPOINT (a consistency proof)");
  }
  if (flags.claim.empty() && !flags.snapshot.empty()) {
    return UsageError("--snapshot goes with --claim");
  }
  std::optional<SigningKey> key;
  if (!flags.sign_key.empty()) {
    auto read = ReadSigningKey(flags.sign_key);
    if (!read.ok()) return Fail(read.status());
    key = std::move(*read);
  }
  std::optional<std::string> from;
  if (!flags.from.empty()) {
    auto read = ReadWholeFile(flags.from);
    if (!read.ok()) return Fail(read.status());
    from = std::move(*read);
  }
  auto ledger = OpenForReading(flags.ledger);
  if (!ledger.ok()) return Fail(ledger.status());
  Result<std::string> proof = Status::Ok();
  if (!flags.claim.empty()) {
    ClaimProofOptions options;
    options.claim_key = flags.claim;
    options.snapshot = flags.snapshot;
    options.sign_key = key ? &*key : nullptr;
    options.from_checkpoint = from;
    proof = ProveClaim(ledger->get(), options);
  } else {
    proof = ProveConsistency(ledger->get(), *from, key ? &*key : nullptr);
  }
  if (!proof.ok()) {
    if (proof.status().code() == Status::Code::kCorruption) {
      std::cerr << "receipts: BAD: " << proof.status().message() << "\n";
      return kExitTampered;
    }
    return Fail(proof.status());
  }
  if (flags.out.empty() || flags.out == "-") {
    std::cout << *proof;
    return kExitOk;
  }
  if (Status s = WriteFileAtomically(flags.out, *proof); !s.ok()) return Fail(s);
  std::cout << fmt::format("{}: {} bytes\n", flags.out, proof->size());
  return kExitOk;
}

struct VerifyProofFlags {
  std::string file;
  std::string pubkey;
  std::string checkpoint;
};

int RunVerifyProof(const VerifyProofFlags& flags) {
  auto key = ReadNotePublicKey(flags.pubkey);
  if (!key.ok()) return Fail(key.status());
  auto proof = ReadWholeFile(flags.file);
  if (!proof.ok()) return Fail(proof.status());
  std::optional<std::string> trusted;
  if (!flags.checkpoint.empty()) {
    auto read = ReadWholeFile(flags.checkpoint);
    if (!read.ok()) return Fail(read.status());
    trusted = std::move(*read);
  }
  // A note verifier key (not a file) names the log it verifies.
  std::optional<std::string> key_name;
  std::error_code ec;
  if (!std::filesystem::exists(flags.pubkey, ec)) {
    key_name = flags.pubkey.substr(0, flags.pubkey.find('+'));
  }
  auto verified = VerifyProofFile(*proof, *key, trusted, key_name);
  if (!verified.ok()) {
    std::cerr << "receipts: BAD: " << flags.file << ": " << verified.status().message() << "\n";
    return kExitTampered;
  }
  std::cout << *verified;
  return kExitOk;
}

// ---- keygen, report

int RunKeygen(const std::string& out) {
  if (Status s = GenerateKeyFiles(out); !s.ok()) return Fail(s);
  auto pub = ReadPublicKey(out + ".pub");
  if (!pub.ok()) return Fail(pub.status());
  std::cout << fmt::format("secret key: {} (keep it private)\npublic key: {}.pub {}\n", out, out,
                           ToHex(*pub));
  return kExitOk;
}

int RunReport(const std::string& path, const std::string& out) {
  auto ledger = OpenForReading(path);
  if (!ledger.ok()) return Fail(ledger.status());
  if (Status s = WriteLedgerReport(ledger->get(), out); !s.ok()) return Fail(s);
  std::cout << "report: " << out << "/report.html\n";
  return kExitOk;
}

}  // namespace

void AddLedgerCommands(CLI::App& root, Commands* commands) {
  {
    auto flags = std::make_shared<IngestFlags>();
    CLI::App* app = root.add_subcommand(
        "ingest", "Store a claims list as the ledger's next snapshot; prints its id.");
    AddLedgerOption(app, &flags->ledger);
    app->add_option("--claims", flags->claims, "Claims file (DOGE CSV/JSON/API page; .gz/.zip ok)")
        ->required();
    app->add_option("--as-of", flags->as_of,
                    "Capture time (default: the date in the file name, else now), UTC");
    app->add_option("--kind", flags->kind,
                    "Claims kind when not detected: contracts, grants or leases");
    app->add_option("--sign-key", flags->sign_key,
                    "Sign the new head with this key (receipts keygen)");
    app->add_flag("--allow-empty", flags->allow_empty,
                  "Store an empty list (by default 0 claims is refused as a broken capture)");
    commands->push_back({app, [flags] { return RunIngest(*flags); }});
  }
  {
    auto path = std::make_shared<std::string>(kDefaultLedger);
    CLI::App* app = root.add_subcommand(
        "log", "One line per snapshot: id, as-of, claims, claimed total, head (tab-separated).");
    AddLedgerOption(app, path.get());
    commands->push_back({app, [path] { return RunLog(*path); }});
  }
  {
    auto flags = std::make_shared<DiffFlags>();
    CLI::App* app = root.add_subcommand("diff", "What changed between two snapshots.");
    AddLedgerOption(app, &flags->ledger);
    app->add_option("a", flags->before, "Snapshot id (or 'latest')")->required();
    app->add_option("b", flags->after, "Snapshot id (or 'latest')")->required();
    app->add_option("--format", flags->format, "text or csv")->capture_default_str();
    commands->push_back({app, [flags] { return RunDiff(*flags); }});
  }
  {
    auto path = std::make_shared<std::string>(kDefaultLedger);
    auto key = std::make_shared<std::string>();
    CLI::App* app = root.add_subcommand("history", "Every version of a claim, with dates.");
    AddLedgerOption(app, path.get());
    app->add_option("key", *key, "Claim key, PIID, award id or FAIN")->required();
    commands->push_back({app, [path, key] { return RunHistory(*path, *key); }});
  }
  {
    auto flags = std::make_shared<CheckFlags>();
    CLI::App* app = root.add_subcommand(
        "check",
        "Recompute every digest and head, re-read every raw page; exit 3 naming the first bad "
        "snapshot.");
    AddLedgerOption(app, &flags->ledger);
    app->add_option("--pubkey", flags->pubkey,
                    "Require every head signed, by this public key (an unsigned head fails)");
    app->add_option("--expect-head", flags->expect_head,
                    "Fail unless the chain contains this head (from 'receipts head' earlier)");
    app->add_option("--checkpoint", flags->checkpoint,
                    "Fail unless the log extends this checkpoint file (a deleted tail or a "
                    "rewritten past fails); its signature is checked with --pubkey");
    commands->push_back({app, [flags] { return RunCheck(*flags); }});
  }
  {
    auto flags = std::make_shared<CheckpointFlags>();
    CLI::App* app = root.add_subcommand(
        "checkpoint",
        "Print the transparency log's checkpoint (C2SP tlog-checkpoint): signed and stored with "
        "--sign-key, for reports, the site and the API.");
    AddLedgerOption(app, &flags->ledger);
    app->add_option("--sign-key", flags->sign_key, "Sign it with this secret key file");
    commands->push_back({app, [flags] { return RunCheckpoint(*flags); }});
  }
  {
    auto flags = std::make_shared<ProveFlags>();
    CLI::App* app = root.add_subcommand(
        "prove",
        "Write a proof a reader checks without the ledger: a claim's inclusion in its snapshot "
        "and the log (--claim), or that the log extends an older checkpoint (--from).");
    AddLedgerOption(app, &flags->ledger);
    app->add_option("--claim", flags->claim, "Claim key (as 'receipts history' shows it)");
    app->add_option("--snapshot", flags->snapshot,
                    "Snapshot id or 'latest' (default: the latest holding the claim)");
    app->add_option("--from", flags->from,
                    "A checkpoint file: prove the log now extends it (with --claim: also)");
    app->add_option("--sign-key", flags->sign_key,
                    "Sign a fresh checkpoint with this key (default: the latest stored one)");
    app->add_option("--out", flags->out, "Proof file to write (default: standard output)");
    commands->push_back({app, [flags] { return RunProve(*flags); }});
  }
  {
    auto flags = std::make_shared<VerifyProofFlags>();
    CLI::App* app = root.add_subcommand(
        "verify-proof",
        "Check a proof file from 'receipts prove' with the log's public key; needs no ledger. "
        "Exit 3 when it does not verify.");
    app->add_option("file", flags->file, "Proof file (JSON)")->required();
    app->add_option("--pubkey", flags->pubkey,
                    "The log's public key: KEYFILE.pub, or a note verifier key name+hash+base64")
        ->required();
    app->add_option("--checkpoint", flags->checkpoint,
                    "A checkpoint you trust (from a report or the site): the proof must be "
                    "against it or show that the log extends it");
    commands->push_back({app, [flags] { return RunVerifyProof(*flags); }});
  }
  {
    auto path = std::make_shared<std::string>(kDefaultLedger);
    CLI::App* app = root.add_subcommand(
        "head", "Print the latest snapshot's head, to pin for 'check --expect-head'.");
    AddLedgerOption(app, path.get());
    commands->push_back({app, [path] { return RunHead(*path); }});
  }
  {
    auto path = std::make_shared<std::string>(kDefaultLedger);
    CLI::App* app =
        root.add_subcommand("migrate", "Bring an existing ledger to this receipts' schema.");
    AddLedgerOption(app, path.get());
    commands->push_back({app, [path] { return RunMigrate(*path); }});
  }
  {
    auto out = std::make_shared<std::string>();
    CLI::App* app = root.add_subcommand(
        "keygen", "Write a new Ed25519 key pair: KEYFILE (secret, mode 0600) and KEYFILE.pub.");
    app->add_option("--out", *out, "Secret key file to create")->required();
    commands->push_back({app, [out] { return RunKeygen(*out); }});
  }
  {
    auto path = std::make_shared<std::string>(kDefaultLedger);
    auto out = std::make_shared<std::string>();
    CLI::App* app = root.add_subcommand(
        "report", "Write DIR/report.html: the claims over time, from the ledger.");
    AddLedgerOption(app, path.get());
    app->add_option("--out", *out, "Output directory")->required();
    commands->push_back({app, [path, out] { return RunReport(*path, *out); }});
  }
}

}  // namespace receipts::cli
