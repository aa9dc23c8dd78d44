#include "serve/templates.h"

#include <filesystem>
#include <functional>
#include <kainjow/mustache.hpp>
#include <regex>
#include <vector>

#include "core/input_open.h"
#include "core/money.h"
#include "core/sha256.h"

namespace receipts::serve {
namespace {

namespace mustache = kainjow::mustache;

// A view value as the template sees it. Null and "" are false, so {{#x}}…{{/x}} shows only a
// value that is there; money is {usd, dollars, cents, known}; counts carry separators.
mustache::data DataOf(const View& view) {
  switch (view.type()) {
    case View::Type::kNull:
      return mustache::data(false);
    case View::Type::kBool:
      return mustache::data(view.boolean());
    case View::Type::kInt:
      return mustache::data(std::to_string(view.integer()));
    case View::Type::kCount:
      return mustache::data(GroupThousands(static_cast<std::uint64_t>(view.integer())));
    case View::Type::kText:
    case View::Type::kMarkup:
      if (view.text().empty()) return mustache::data(false);
      return mustache::data(view.text());
    case View::Type::kMoney: {
      mustache::data money{mustache::data::type::object};
      const std::optional<Cents>& cents = view.money();
      money.set("known", mustache::data(cents.has_value()));
      money.set("usd", cents ? mustache::data(FormatUsd(*cents)) : mustache::data(false));
      money.set("dollars", cents ? mustache::data(FormatDollars(*cents)) : mustache::data(false));
      money.set("cents", cents ? mustache::data(std::to_string(*cents)) : mustache::data(false));
      money.set("negative", mustache::data(cents && *cents < 0));
      money.set("positive", mustache::data(cents && *cents > 0));
      return money;
    }
    case View::Type::kList: {
      mustache::data list{mustache::data::type::list};
      for (const View& item : view.items()) list.push_back(DataOf(item));
      return list;
    }
    case View::Type::kObject: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, value] : view.fields()) object.set(key, DataOf(value));
      return object;
    }
  }
  return mustache::data(false);
}

// The model's names for {{x}}, the templates by name for {{> x}}: kept apart, so a model key
// never hides a partial.
class PageContext : public mustache::basic_context<std::string> {
 public:
  PageContext(const mustache::data* root, const std::map<std::string, mustache::data>* partials)
      : names_(root), partials_(partials) {}
  void push(const mustache::data* data) override { names_.push(data); }
  void pop() override { names_.pop(); }
  const mustache::data* get(const std::string& name) const override { return names_.get(name); }
  const mustache::data* get_partial(const std::string& name) const override {
    auto it = partials_->find(name);
    return it == partials_->end() ? nullptr : &it->second;
  }

 private:
  mustache::context<std::string> names_;
  const std::map<std::string, mustache::data>* partials_;
};

}  // namespace

struct Templates::Partials {
  std::map<std::string, mustache::data> by_name;
};

void Templates::MakePartials() {
  auto partials = std::make_shared<Partials>();
  // A partial's last newline is the file's, not the page's: "<td>{{> money_cell}}</td>".
  for (const auto& [name, text] : sources_) {
    std::string_view body = text;
    if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
    partials->by_name.emplace(name, std::string(body));
  }
  partials_ = std::move(partials);
}

Templates::Templates() {
  for (std::size_t i = 0; i < kBuiltInTemplateCount; ++i) {
    sources_.emplace(kBuiltInTemplates[i].name, kBuiltInTemplates[i].text);
  }
  MakePartials();
}

Result<Templates> Templates::WithOverrides(const std::string& dir) {
  namespace fs = std::filesystem;
  Templates templates;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::InvalidInput(dir + ": not a directory of templates");
  }
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".mustache") files.push_back(entry.path());
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  for (const fs::path& file : files) {
    const std::string name = file.stem().string();
    auto built_in = templates.sources_.find(name);
    if (built_in == templates.sources_.end()) {
      return Status::InvalidInput(file.string() + ": no built-in template is named '" + name +
                                  "' (doc/templates.md lists them)");
    }
    auto text = ReadWholeFile(file.string(), "a template", 1 << 20);
    if (!text.ok()) return text.status();
    mustache::mustache parsed(*text);
    if (!parsed.is_valid()) {
      return Status::InvalidInput(file.string() + ": " + parsed.error_message());
    }
    built_in->second = std::move(*text);
  }
  // A template that includes itself, through any chain of partials, would recurse until the
  // stack ran out at the first page: refused here, naming the cycle.
  if (Status s = templates.CheckNoPartialCycle(dir); !s.ok()) return s;
  templates.MakePartials();
  return templates;
}

Status Templates::CheckNoPartialCycle(const std::string& dir) const {
  static const std::regex kPartial(R"(\{\{>\s*([^}\s]+)\s*\}\})");
  std::map<std::string, std::vector<std::string>> uses;
  for (const auto& [name, text] : sources_) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kPartial);
         it != std::sregex_iterator(); ++it) {
      uses[name].push_back((*it)[1].str());
    }
  }
  // Depth-first, colouring templates as on the current path (1) or done (2).
  std::map<std::string, int> state;
  std::vector<std::string> path;
  std::function<bool(const std::string&)> visit = [&](const std::string& name) {
    if (state[name] == 2) return false;
    if (state[name] == 1) {
      path.push_back(name);
      return true;
    }
    state[name] = 1;
    path.push_back(name);
    for (const std::string& used : uses[name]) {
      if (visit(used)) return true;
    }
    path.pop_back();
    state[name] = 2;
    return false;
  };
  for (const auto& [name, text] : sources_) {
    path.clear();
    if (visit(name)) {
      std::string cycle;
      for (const std::string& step : path) cycle += (cycle.empty() ? "" : " -> ") + step;
      return Status::InvalidInput(dir + ": the templates include themselves: " + cycle);
    }
  }
  return Status::Ok();
}

std::string Templates::Fingerprint() const {
  std::string all;
  for (const auto& [name, text] : sources_) {
    all += name + "\n" + std::to_string(text.size()) + "\n" + text;
  }
  return Sha256Hex(all);
}

const std::string* Templates::Source(std::string_view name) const {
  auto it = sources_.find(name);
  return it == sources_.end() ? nullptr : &it->second;
}

Result<std::string> Templates::Render(std::string_view name, const View& model) const {
  const std::string* source = Source(name);
  if (source == nullptr) return Status::NotFound("no template named '" + std::string(name) + "'");
  mustache::data root = DataOf(model);
  mustache::mustache engine(*source);
  if (!engine.is_valid()) {
    return Status::InvalidInput("template " + std::string(name) + ": " + engine.error_message());
  }
  PageContext context(&root, &partials_->by_name);
  std::string out = engine.render(context);
  if (!engine.is_valid()) {
    return Status::InvalidInput("template " + std::string(name) + ": " + engine.error_message());
  }
  return out;
}

std::string Templates::RenderPage(std::string_view name, const View& model, std::string_view title,
                                  std::string_view nav, bool follow_money) const {
  auto body = Render(name, model);
  View layout = View::Object();
  layout.Set("title", title);
  layout.Set("nav_" + std::string(nav.empty() ? "none" : nav), true);
  layout.Set("follow_money", follow_money);
  // A template a reader broke still gives a page that says so, not an empty reply.
  layout.Set("body", body.ok()
                         ? View::Markup(std::move(*body))
                         : View::Markup("<p class=\"error\">The page could not be rendered: " +
                                        mustache::html_escape(body.status().message()) + "</p>\n"));
  auto page = Render("layout", layout);
  if (page.ok()) return std::move(*page);
  return "<!DOCTYPE html>\n<title>receipts</title>\n<p>The layout could not be rendered: " +
         mustache::html_escape(page.status().message()) + "</p>\n";
}

}  // namespace receipts::serve
