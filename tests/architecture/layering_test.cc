// The layering of doc/architecture.md as a test: every #include under src/ must name its own
// folder, a folder its layer line allows, a third-party library its line links, or the system.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace receipts {
namespace {

namespace fs = std::filesystem;

struct Layer {
  std::set<std::string> uses;   // folders it may include
  std::set<std::string> links;  // third-party libraries it may include
};

// The "layer NAME: FOLDERS | LIBRARIES" lines of architecture.md text.
std::map<std::string, Layer> ParseLayers(const std::string& text) {
  std::map<std::string, Layer> layers;
  std::istringstream lines(text);
  std::string line;
  const std::regex pattern(R"(^layer ([a-z0-9]+):([^|]*)\|(.*)$)");
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, pattern)) continue;
    Layer& layer = layers[m[1]];
    std::istringstream uses(m[2].str()), links(m[3].str());
    for (std::string word; uses >> word;) layer.uses.insert(word);
    for (std::string word; links >> word;) layer.links.insert(word);
  }
  return layers;
}

// The library a third-party header belongs to; "" for the standard library and the system.
std::string LibraryOf(const std::string& header) {
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"curl/", "curl"},        {"httplib.h", "httplib"},
      {"sqlite3.h", "sqlite"},  {"libpq-fe.h", "pq"},
      {"sodium", "sodium"},     {"openssl/", "openssl"},
      {"archive.h", "archive"}, {"archive_entry.h", "archive"},
      {"zlib.h", "zlib"},       {"isa-l/", "isal"},
      {"expat", "expat"},       {"simdjson", "simdjson"},
      {"CLI/", "cli11"},        {"kainjow/", "mustache"},
      {"fmt/", "fmt"}};
  for (const auto& [prefix, library] : kPrefixes) {
    if (header.rfind(prefix, 0) == 0) return library;
  }
  return "";
}

// One line per include that crosses a layer: "src/FILE:LINE: includes WHAT (WHY)".
std::vector<std::string> Violations(const std::map<std::string, Layer>& layers,
                                    const std::string& folder, const std::string& file,
                                    const std::string& text) {
  std::vector<std::string> out;
  auto layer = layers.find(folder);
  if (layer == layers.end()) {
    out.push_back(file + ": folder '" + folder + "' has no layer line in doc/architecture.md");
    return out;
  }
  const std::regex local(R"(^\s*#\s*include\s*"([A-Za-z0-9_]+)/[^"]+")");
  const std::regex system(R"(^\s*#\s*include\s*<([^>]+)>)");
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    std::smatch m;
    std::string where = file + ":" + std::to_string(number) + ": includes ";
    if (std::regex_search(line, m, local)) {
      std::string target = m[1];
      if (target != folder && !layer->second.uses.count(target)) {
        out.push_back(where + m[0].str() + " (" + folder + " may not use " + target + ")");
      }
    } else if (std::regex_search(line, m, system)) {
      std::string library = LibraryOf(m[1]);
      // fmt is linked publicly by core: every folder formats with it.
      if (!library.empty() && library != "fmt" && !layer->second.links.count(library)) {
        out.push_back(where + "<" + m[1].str() + "> (" + folder + " does not link " + library +
                      ")");
      }
    }
  }
  return out;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const fs::path kSource = RECEIPTS_SOURCE_DIR;

TEST(LayeringTest, EveryIncludeUnderSrcFollowsDocArchitecture) {
  auto layers = ParseLayers(ReadText(kSource / "doc/architecture.md"));
  ASSERT_GE(layers.size(), 13u) << "doc/architecture.md lost its layer lines";
  std::vector<std::string> violations;
  std::set<std::string> folders;
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "src")) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cc") continue;
    std::string relative = fs::relative(entry.path(), kSource).string();
    std::string folder = fs::relative(entry.path(), kSource / "src").begin()->string();
    folders.insert(folder);
    ++files;
    for (std::string& v : Violations(layers, folder, relative, ReadText(entry.path()))) {
      violations.push_back(std::move(v));
    }
  }
  EXPECT_GT(files, 200u);
  for (const auto& [name, layer] : layers) {
    EXPECT_TRUE(folders.count(name)) << "doc/architecture.md names layer '" << name << "' but src/"
                                     << name << "/ does not exist";
  }
  std::string all;
  for (const std::string& v : violations) all += v + "\n";
  EXPECT_TRUE(violations.empty()) << violations.size() << " includes cross a layer:\n" << all;
}

// The checker itself: a crossing of each kind is caught, and what is allowed passes.
TEST(LayeringTest, CatchesEachKindOfCrossing) {
  auto layers = ParseLayers(
      "layer core: | fmt\n"
      "layer ledger: core | sqlite\n"
      "layer serve: core ledger | httplib\n");
  EXPECT_TRUE(Violations(layers, "serve", "src/serve/a.cc",
                         "#include \"serve/b.h\"\n#include \"ledger/ledger.h\"\n"
                         "#include <httplib.h>\n#include <fmt/format.h>\n#include <vector>\n")
                  .empty());
  auto upward = Violations(layers, "ledger", "src/ledger/a.cc", "\n#include \"serve/x.h\"\n");
  ASSERT_EQ(upward.size(), 1u);
  EXPECT_EQ(upward[0],
            "src/ledger/a.cc:2: includes #include \"serve/x.h\" (ledger may not use serve)");
  auto sql = Violations(layers, "serve", "src/serve/a.cc", "#include <sqlite3.h>\n");
  ASSERT_EQ(sql.size(), 1u);
  EXPECT_NE(sql[0].find("serve does not link sqlite"), std::string::npos);
  auto unknown = Violations(layers, "extra", "src/extra/a.cc", "");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_NE(unknown[0].find("no layer line"), std::string::npos);
}

}  // namespace
}  // namespace receipts
