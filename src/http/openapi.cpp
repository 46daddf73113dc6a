#include "http/openapi.h"

#include <string>

#include "http/request.h"

namespace atb::http {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

nlohmann::json problem_schema() {
  return {
      {"type", "object"},
      {"required", {"type", "title", "status", "detail", "errors"}},
      {"properties",
       {{"type", {{"type", "string"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}}},
        {"request_id", {{"type", "string"}}},
        {"errors",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties", {{"field", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}}}}},
  };
}

nlohmann::json operation(const Route& route) {
  const RouteDoc& d = route.doc;
  nlohmann::json op = {{"summary", d.summary}, {"tags", {d.tag}}};
  op["operationId"] = lower(method_name(route.method)) + route.pattern;
  nlohmann::json params = nlohmann::json::array();
  for (const std::string& seg : route.segments) {
    if (seg.size() > 2 && seg.front() == '{') {
      params.push_back({{"name", seg.substr(1, seg.size() - 2)},
                        {"in", "path"},
                        {"required", true},
                        {"schema", {{"type", "string"}}}});
    }
  }
  if (!params.empty()) op["parameters"] = params;
  if (!d.request_schema.empty()) {
    op["requestBody"] = {
        {"required", true},
        {"content", {{"application/json", {{"schema", nlohmann::json::parse(d.request_schema)}}}}}};
  }
  nlohmann::json ok = {{"description", "Success"}};
  if (d.success_status != 204) {
    nlohmann::json schema = d.response_schema.empty() ? nlohmann::json{{"type", "object"}}
                                                       : nlohmann::json::parse(d.response_schema);
    ok["content"] = {{d.response_type, {{"schema", schema}}}};
  }
  nlohmann::json problem = {
      {"description", "Error (problem+json)"},
      {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
  op["responses"] = {{std::to_string(d.success_status), ok}, {"default", problem}};
  if (d.authenticated) op["security"] = {{{"session", nlohmann::json::array()}}};
  return op;
}

}  // namespace

nlohmann::json openapi_document(const Router& router, std::string_view version) {
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& route : router.routes()) {
    paths[route.pattern][lower(method_name(route.method))] = operation(route);
  }
  return {
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "Atbalsts API"},
        {"version", std::string(version)},
        {"description", "Case management and service delivery of a Latvian municipal social service."}}},
      {"paths", paths},
      {"components",
       {{"schemas", {{"Problem", problem_schema()}}},
        {"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "atbalsts_session"}}}}}}},
  };
}

}  // namespace atb::http
