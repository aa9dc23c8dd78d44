// A page's view model: one tree of values that the page's template renders and the JSON API
// serialises (Datasette's "one view, two renderings"). Values are typed so each rendering can
// say them its own way: money is JSON's "123.45" plus an integer *_cents twin and the template's
// "$123.45"; a count is a JSON number and "1,234" on a page. Object keys keep their order, so
// the JSON a client reads is the same bytes from one run to the next.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/money.h"

namespace receipts {

class View {
 public:
  enum class Type { kNull, kBool, kInt, kCount, kText, kMoney, kMarkup, kList, kObject };

  // null.
  View() = default;
  View(std::string text) : type_(Type::kText), text_(std::move(text)) {}  // NOLINT: implicit
  View(const char* text) : View(std::string(text)) {}                     // NOLINT: implicit
  View(std::string_view text) : View(std::string(text)) {}                // NOLINT: implicit
  View(bool value) : type_(Type::kBool), int_(value ? 1 : 0) {}           // NOLINT: implicit

  static View Int(std::int64_t value);
  static View OptionalInt(const std::optional<std::int64_t>& value);  // null when absent
  // A number a reader counts: grouped with separators on a page ("1,234").
  static View Count(std::uint64_t value);
  // Money: null (twice in JSON, empty on a page) when unknown.
  static View Money(const std::optional<Cents>& cents);
  // Markup built by our own renderers (the SVG charts, drawn from data listed beside them in
  // the model): written unescaped by templates ({{{chart}}}) and left out of the JSON.
  static View Markup(std::string html);
  static View List();
  static View Object();

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool boolean() const { return int_ != 0; }
  std::int64_t integer() const { return int_; }
  const std::string& text() const { return text_; }
  const std::optional<Cents>& money() const { return money_; }
  const std::vector<View>& items() const { return items_; }
  // A list's items, to add to each (a page adds its links to the API's model).
  std::vector<View>& items() { return items_; }
  const std::vector<std::pair<std::string, View>>& fields() const { return fields_; }

  // Adds `key` to an object (replacing a value already under it) and returns the stored value.
  View& Set(std::string key, View value);
  // Appends to a list and returns the stored value.
  View& Push(View value);
  // The value under `key` of an object; null when there is none.
  const View* Find(std::string_view key) const;
  View* Find(std::string_view key);

 private:
  Type type_ = Type::kNull;
  std::int64_t int_ = 0;
  std::string text_;
  std::optional<Cents> money_;
  std::vector<View> items_;
  std::vector<std::pair<std::string, View>> fields_;
};

// The model as compact JSON (doc/api.md): money under key K is "K":"123.45","K_cents":12345
// (both null when unknown), counts and integers are numbers, markup is left out with its key.
std::string ViewJson(const View& view);

}  // namespace receipts
