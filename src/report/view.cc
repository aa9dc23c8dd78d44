#include "report/view.h"

#include "core/json_writer.h"

namespace receipts {

View View::Int(std::int64_t value) {
  View v;
  v.type_ = Type::kInt;
  v.int_ = value;
  return v;
}

View View::OptionalInt(const std::optional<std::int64_t>& value) {
  return value ? Int(*value) : View();
}

View View::Count(std::uint64_t value) {
  View v;
  v.type_ = Type::kCount;
  v.int_ = static_cast<std::int64_t>(value);
  return v;
}

View View::Money(const std::optional<Cents>& cents) {
  View v;
  v.type_ = Type::kMoney;
  v.money_ = cents;
  return v;
}

View View::Markup(std::string html) {
  View v;
  v.type_ = Type::kMarkup;
  v.text_ = std::move(html);
  return v;
}

View View::List() {
  View v;
  v.type_ = Type::kList;
  return v;
}

View View::Object() {
  View v;
  v.type_ = Type::kObject;
  return v;
}

View& View::Set(std::string key, View value) {
  for (auto& [name, stored] : fields_) {
    if (name == key) return stored = std::move(value);
  }
  return fields_.emplace_back(std::move(key), std::move(value)).second;
}

View& View::Push(View value) { return items_.emplace_back(std::move(value)); }

const View* View::Find(std::string_view key) const {
  for (const auto& [name, value] : fields_) {
    if (name == key) return &value;
  }
  return nullptr;
}

View* View::Find(std::string_view key) {
  return const_cast<View*>(static_cast<const View&>(*this).Find(key));
}

namespace {

void AppendJson(const View& view, std::string* out);

void AppendMoneyPair(std::string_view key, const View& money, std::string* out) {
  *out += JsonString(key);
  *out += ':';
  *out += money.money() ? JsonString(FormatDollars(*money.money())) : "null";
  *out += ',';
  *out += JsonString(std::string(key) + "_cents");
  *out += ':';
  *out += money.money() ? std::to_string(*money.money()) : "null";
}

void AppendJson(const View& view, std::string* out) {
  switch (view.type()) {
    case View::Type::kNull:
    case View::Type::kMarkup:
      *out += "null";
      return;
    case View::Type::kBool:
      *out += view.boolean() ? "true" : "false";
      return;
    case View::Type::kInt:
    case View::Type::kCount:
      *out += std::to_string(view.integer());
      return;
    case View::Type::kText:
      *out += JsonString(view.text());
      return;
    case View::Type::kMoney:
      *out += view.money() ? JsonString(FormatDollars(*view.money())) : "null";
      return;
    case View::Type::kList: {
      *out += '[';
      bool first = true;
      for (const View& item : view.items()) {
        if (item.type() == View::Type::kMarkup) continue;
        if (!first) *out += ',';
        first = false;
        AppendJson(item, out);
      }
      *out += ']';
      return;
    }
    case View::Type::kObject: {
      *out += '{';
      bool first = true;
      for (const auto& [key, value] : view.fields()) {
        if (value.type() == View::Type::kMarkup) continue;
        if (!first) *out += ',';
        first = false;
        if (value.type() == View::Type::kMoney) {
          AppendMoneyPair(key, value, out);
          continue;
        }
        *out += JsonString(key);
        *out += ':';
        AppendJson(value, out);
      }
      *out += '}';
      return;
    }
  }
}

}  // namespace

std::string ViewJson(const View& view) {
  std::string out;
  AppendJson(view, &out);
  return out;
}

}  // namespace receipts
