#include "serve/context.h"

#include <iostream>

#include "serve/api_json.h"
#include "serve/page_layout.h"
#include "serve/pages.h"

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
  return Reply{http_status, kJsonType, ErrorJson(message), {}, message};
}

Reply JsonError(const Status& status) {
  int http_status = HttpStatusOf(status);
  return JsonError(http_status, PublicMessage(status, http_status));
}

std::string ErrorPageHtml(const Templates& templates, int http_status, std::string_view message) {
  return templates.RenderPage("error", ErrorModel(http_status, message),
                              "Error " + std::to_string(http_status), "");
}

Reply HtmlError(const ServeContext& ctx, const Status& status) {
  int http_status = HttpStatusOf(status);
  std::string message = PublicMessage(status, http_status);
  return Reply{
      http_status, kHtmlType, ErrorPageHtml(ctx.templates, http_status, message), {}, message};
}

}  // namespace receipts::serve
