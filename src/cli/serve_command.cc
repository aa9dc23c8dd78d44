// receipts serve --ledger L [--bind 127.0.0.1] [--port 8080] [--token-file F] [--threads N]
//                [--max-body-mib M] [--records FILE…] [--since DATE] [--rules FILE]
//                [--templates DIR]
// Serves the JSON API and the dashboard over a ledger until SIGINT or SIGTERM (doc/api.md).
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "core/date.h"
#include "serve/auth.h"
#include "serve/server.h"

namespace receipts::cli {
namespace {

struct ServeFlags {
  std::string ledger = "receipts.db";
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string token_file;
  std::size_t threads = 16;
  std::size_t max_body_mib = 64;
  std::vector<std::string> records;
  std::string since = "2025-01-20";
  std::string templates;
  std::string rules;
};

int RunServe(const ServeFlags& flags) {
  if (flags.port < 0 || flags.port > 65535) return UsageError("--port must be 0 to 65535");
  if (flags.max_body_mib < 1 || flags.max_body_mib > 1024) {
    return UsageError("--max-body-mib must be 1 to 1024");
  }
  Date since;
  if (int rc = SinceFlag(flags.since, &since); rc != kExitOk) return rc;
  auto token = serve::LoadToken(flags.token_file, std::getenv("RECEIPTS_TOKEN"));
  if (!token.ok()) return Fail(token.status());

  serve::ServeOptions options;
  options.ledger = flags.ledger;
  options.bind = flags.bind;
  options.port = flags.port;
  options.token = *token;
  options.threads = flags.threads;
  options.max_body_bytes = flags.max_body_mib << 20;
  options.records = flags.records;
  options.since = since;
  if (!flags.templates.empty()) options.templates = flags.templates;
  if (!flags.rules.empty()) {
    if (flags.records.empty()) return UsageError("--rules goes with --records");
    options.rules = flags.rules;
  }

  // SIGINT and SIGTERM are taken by one thread, which stops the server; block them everywhere
  // else before any thread starts.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto server = serve::Server::Create(options);
  if (!server.ok()) return Fail(server.status());
  std::cerr << "receipts serve: http://" << flags.bind << ":" << (*server)->port() << "/ ("
            << (options.token ? "writes need the token" : "read-only") << ", " << options.threads
            << " threads)\n";
  std::cout << "listening on " << flags.bind << ":" << (*server)->port() << std::endl;

  std::atomic<bool> done{false};
  serve::Server* raw = server->get();
  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    if (done) return;
    std::cerr << "receipts serve: stopping\n";
    while (!done) {
      raw->Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  Status status = (*server)->Run();
  done = true;
  pthread_kill(stopper.native_handle(), SIGTERM);  // wakes sigwait when Run ended by itself
  stopper.join();
  if (!status.ok()) return Fail(status);
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& root, Commands* commands) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* serve = root.add_subcommand(
      "serve",
      "Serve the JSON API and the web dashboard over a ledger (read-only without a token).");
  serve->add_option("--ledger", flags->ledger, "Ledger file (SQLite)")->capture_default_str();
  serve->add_option("--bind", flags->bind, "Address to listen on (loopback unless told)")
      ->capture_default_str();
  serve->add_option("--port", flags->port, "Port (0: any free port, printed on stdout)")
      ->capture_default_str();
  serve->add_option("--token-file", flags->token_file,
                    "File holding the write token (mode 0600); else $RECEIPTS_TOKEN; else "
                    "read-only");
  serve->add_option("--threads", flags->threads, "Worker threads (1-256)")->capture_default_str();
  serve->add_option("--max-body-mib", flags->max_body_mib, "Largest upload, MiB")
      ->capture_default_str();
  serve
      ->add_option("--records", flags->records,
                   "Record files verify read: claim pages then show measures and record rows")
      ->expected(1, -1);
  serve->add_option("--since", flags->since, "With --records: as for verify")
      ->capture_default_str();
  serve->add_option("--rules", flags->rules,
                    "With --records: a leads rules file (JSON) for the leads pages (doc/leads.md)");
  serve->add_option("--templates", flags->templates,
                    "Folder of page templates (NAME.mustache) in place of the built-in ones "
                    "(doc/templates.md)");
  commands->push_back({serve, [flags] { return RunServe(*flags); }});
}

}  // namespace receipts::cli
