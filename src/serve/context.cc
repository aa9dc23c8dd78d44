#include "serve/context.h"

#include <iostream>

#include "serve/api_json.h"
#include "serve/page_layout.h"

namespace receipts::serve {

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case Status::Code::kInvalidInput:
    case Status::Code::kUsage:
      return 400;
    case Status::Code::kNotFound:
      return 404;
    default:
      return 500;
  }
}

namespace {
std::string PublicMessage(const Status& status, int http_status) {
  if (http_status < 500) return status.message();
  std::cerr << "receipts serve: " << status.ToString() << "\n";
  return "internal error";
}
}  // namespace

Reply JsonError(int http_status, const std::string& message) {
  return Reply{http_status, kJsonType, ErrorJson(message), {}};
}

Reply JsonError(const Status& status) {
  int http_status = HttpStatusOf(status);
  return JsonError(http_status, PublicMessage(status, http_status));
}

Reply HtmlError(const Status& status) {
  int http_status = HttpStatusOf(status);
  return Reply{
      http_status, kHtmlType, ErrorPage(http_status, PublicMessage(status, http_status)), {}};
}

}  // namespace receipts::serve
