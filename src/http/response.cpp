#include "http/response.h"

#include <nlohmann/json.hpp>

namespace atb::http {
namespace {

struct StatusInfo {
  int status;
  std::string_view reason;
  std::string_view slug;
  Text title;
};

const StatusInfo kStatuses[] = {
    {400, "Bad Request", "bad-request", {"Nepareizs pieprasījums", "Bad request"}},
    {401, "Unauthorized", "unauthenticated", {"Nepieciešama pieteikšanās", "Authentication required"}},
    {403, "Forbidden", "forbidden", {"Darbība nav atļauta", "Forbidden"}},
    {404, "Not Found", "not-found", {"Nav atrasts", "Not found"}},
    {405, "Method Not Allowed", "method-not-allowed", {"Metode nav atļauta", "Method not allowed"}},
    {408, "Request Timeout", "timeout", {"Pieprasījuma laiks beidzies", "Request timeout"}},
    {409, "Conflict", "conflict", {"Konflikts", "Conflict"}},
    {413, "Content Too Large", "too-large", {"Pieprasījums ir par lielu", "Content too large"}},
    {414, "URI Too Long", "uri-too-long", {"Adrese ir par garu", "URI too long"}},
    {415, "Unsupported Media Type", "unsupported-media-type",
     {"Neatbalstīts satura veids", "Unsupported media type"}},
    {422, "Unprocessable Content", "validation", {"Ievaddati nav derīgi", "Invalid input"}},
    {429, "Too Many Requests", "too-many-requests", {"Pārāk daudz pieprasījumu", "Too many requests"}},
    {431, "Request Header Fields Too Large", "headers-too-large",
     {"Galvenes ir par lielām", "Request header fields too large"}},
    {500, "Internal Server Error", "internal", {"Iekšēja kļūda", "Internal error"}},
    {503, "Service Unavailable", "unavailable", {"Pakalpojums nav pieejams", "Service unavailable"}},
};

const StatusInfo& info(int status) {
  for (const auto& s : kStatuses) {
    if (s.status == status) return s;
  }
  return kStatuses[13];  // 500
}

}  // namespace

Response Response::json(const nlohmann::json& value, int status) {
  return Response{status, "application/json", value.dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace),
                  {}};
}

Response Response::text(std::string body, std::string content_type, int status) {
  return Response{status, std::move(content_type), std::move(body), {}};
}

Response Response::empty(int status) { return Response{status, "", "", {}}; }

Response streamed(std::string content_type, BodyProducer producer) {
  Response r{200, std::move(content_type), "", {}};
  r.stream = std::move(producer);
  return r;
}

Result<void> collect_body(Response& response) {
  if (!response.stream) return ok();
  BodyProducer producer = std::move(response.stream);
  response.stream = nullptr;
  response.body.clear();
  return producer([&response](std::string chunk) {
    response.body += chunk;
    return true;
  });
}

int status_for(Errc code) {
  switch (code) {
    case Errc::invalid: return 422;
    case Errc::malformed: return 400;
    case Errc::unauthenticated: return 401;
    case Errc::forbidden: return 403;
    case Errc::not_found: return 404;
    case Errc::conflict: return 409;
    case Errc::too_large: return 413;
    case Errc::unsupported: return 415;
    case Errc::too_many: return 429;
    case Errc::unavailable: return 503;
    case Errc::internal: return 500;
  }
  return 500;
}

std::string_view reason_phrase(int status) {
  if (status == 200) return "OK";
  if (status == 201) return "Created";
  if (status == 204) return "No Content";
  if (status == 304) return "Not Modified";
  return info(status).reason;
}

namespace {

Response build_problem(int status, const Text& detail, const std::vector<FieldError>& fields,
                       Lang lang, std::string_view request_id) {
  const StatusInfo& s = info(status);
  nlohmann::json body = {
      {"type", "urn:atbalsts:problem:" + std::string(s.slug)},
      {"title", s.title.in(lang)},
      {"status", status},
      {"detail", detail.in(lang).empty() ? s.title.in(lang) : detail.in(lang)},
  };
  nlohmann::json errors = nlohmann::json::array();
  for (const FieldError& f : fields) {
    errors.push_back({{"field", f.field}, {"message", f.message.in(lang)}});
  }
  body["errors"] = std::move(errors);
  if (!request_id.empty()) body["request_id"] = request_id;
  Response r = Response::json(body, status);
  r.content_type = "application/problem+json";
  return r;
}

}  // namespace

Response problem(const Error& error, Lang lang, std::string_view request_id) {
  return build_problem(status_for(error.code), error.message, error.fields, lang, request_id);
}

Response problem(int status, Text detail, Lang lang, std::string_view request_id) {
  return build_problem(status, detail, {}, lang, request_id);
}

Response problem_with(const Error& error, Lang lang, std::string_view request_id, const nlohmann::json& extra) {
  Response r = problem(error, lang, request_id);
  nlohmann::json body = nlohmann::json::parse(r.body, nullptr, false);
  if (body.is_object()) {
    for (const auto& [key, value] : extra.items()) body[key] = value;
    r.body = body.dump();
  }
  return r;
}

}  // namespace atb::http
