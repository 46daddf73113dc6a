// Router, request parsing, languages, problem+json and JSON bodies, without a network.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/json_body.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

namespace atb::http {
namespace {

Response ok_handler(Request&) { return Response::json({{"ok", true}}); }

TEST(Router, MatchesLiteralsAndParameters) {
  Router r;
  r.add(Method::get, "/api/v1/persons/{id}", ok_handler, {.summary = "p", .tag = "t"});
  r.add(Method::patch, "/api/v1/persons/{id}", ok_handler, {.summary = "p", .tag = "t"});
  const Match m = r.match(Method::get, "/api/v1/persons/42");
  ASSERT_EQ(m.kind, Match::found);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "42"}));
  EXPECT_EQ(r.match(Method::get, "/api/v1/persons/").kind, Match::not_found);
  EXPECT_EQ(r.match(Method::get, "/api/v1/persons/42/x").kind, Match::not_found);
  const Match wrong = r.match(Method::del, "/api/v1/persons/42");
  EXPECT_EQ(wrong.kind, Match::method_not_allowed);
  EXPECT_EQ(wrong.allow, "GET, PATCH");
  EXPECT_EQ(r.match(Method::head, "/api/v1/persons/1").kind, Match::found);
}

TEST(Request, SplitsAndDecodesTarget) {
  Request q;
  q.set_target("/api/v1/persons?q=B%C4%93rzi%C5%86%C5%A1+J%C4%81nis&page=2");
  EXPECT_FALSE(q.bad_target);
  EXPECT_EQ(q.path, "/api/v1/persons");
  EXPECT_EQ(q.query("q"), std::optional<std::string>("Bērziņš Jānis"));
  EXPECT_EQ(q.query("page"), std::optional<std::string>("2"));
  EXPECT_FALSE(q.query("missing").has_value());
  Request bad;
  bad.set_target("/a%zz");
  EXPECT_TRUE(bad.bad_target);
  Request truncated;
  truncated.set_target("/a%4");
  EXPECT_TRUE(truncated.bad_target);
  EXPECT_EQ(q.bad_query_parameter, "");
  // Text that is not UTF-8 (a lone lead byte, an overlong '/', Windows-1257 "ā") is named.
  for (const char* target : {"/api/v1/persons?page=1&q=B%C4", "/api/v1/persons?q=%C0%AF", "/x?name=%E2",
                             "/x?name=%zz"}) {
    Request broken;
    broken.set_target(target);
    EXPECT_FALSE(broken.bad_target) << target;
    EXPECT_EQ(broken.bad_query_parameter, std::string(target).find("q=") != std::string::npos ? "q" : "name")
        << target;
  }
  Request bad_name;
  bad_name.set_target("/x?%FF=1");
  EXPECT_EQ(bad_name.bad_query_parameter, "%FF");  // the name as sent when it is not text itself
  Request bad_path;
  bad_path.set_target("/api/v1/%C4");
  EXPECT_TRUE(bad_path.bad_target);
  Request traversal;
  traversal.set_target("/%2e%2e/%2E%2E/etc/passwd");
  EXPECT_EQ(traversal.path, "/../../etc/passwd");
}

TEST(Request, SearchTextIsCountedInLettersAndRefusedWhenTooLong) {
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "%C4%81";  // "ā": two bytes each
  Request fits;
  fits.set_target("/x?q=" + hundred);
  const auto q = search_text(fits, "q", 100);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->size(), 200u);
  Request longer;
  longer.set_target("/x?q=" + hundred + "a");
  const auto refused = search_text(longer, "q", 100);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::invalid);
  EXPECT_EQ(refused.error().fields[0].field, "q");
  Request none;
  none.set_target("/x");
  EXPECT_EQ(search_text(none, "q", 100).value(), "");
}

TEST(Lang, AcceptLanguagePicksLatvianUnlessEnglishIsPreferred) {
  EXPECT_EQ(lang_from_accept_language(""), Lang::lv);
  EXPECT_EQ(lang_from_accept_language("en"), Lang::en);
  EXPECT_EQ(lang_from_accept_language("en-GB,en;q=0.9"), Lang::en);
  EXPECT_EQ(lang_from_accept_language("lv-LV,lv;q=0.9,en;q=0.8"), Lang::lv);
  EXPECT_EQ(lang_from_accept_language("de,en;q=0.5,lv;q=0.7"), Lang::lv);
  EXPECT_EQ(lang_from_accept_language("de,ru"), Lang::lv);
  EXPECT_EQ(lang_from_accept_language("english"), Lang::lv);
}

TEST(Problem, HasTheStandardMembersInTheUsersLanguage) {
  Error e = Error::invalid_field("personal_code", {"Kontrolcipars nav pareizs.", "Wrong check digit."});
  const Response lv = problem(e, Lang::lv, "abc");
  EXPECT_EQ(lv.status, 422);
  EXPECT_EQ(lv.content_type, "application/problem+json");
  const auto j = nlohmann::json::parse(lv.body);
  EXPECT_EQ(j["status"], 422);
  EXPECT_EQ(j["title"], "Ievaddati nav derīgi");
  EXPECT_EQ(j["type"], "urn:atbalsts:problem:validation");
  EXPECT_EQ(j["errors"][0]["field"], "personal_code");
  EXPECT_EQ(j["errors"][0]["message"], "Kontrolcipars nav pareizs.");
  EXPECT_EQ(j["request_id"], "abc");
  const auto en = nlohmann::json::parse(problem(e, Lang::en).body);
  EXPECT_EQ(en["errors"][0]["message"], "Wrong check digit.");
  EXPECT_EQ(en["title"], "Invalid input");
}

TEST(Problem, InternalDetailsNeverLeave) {
  const Response r = problem(Error::internal("sqlite: no such table: secret_table"), Lang::en);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret_table"), std::string::npos);
}

Request json_request(std::string body, std::string type = "application/json") {
  Request r;
  r.headers.emplace_back("content-type", std::move(type));
  r.body = std::move(body);
  return r;
}

TEST(JsonBody, RefusesWrongContentType) {
  auto r = json_object_body(json_request("{}", "text/plain"), {"a"});
  ASSERT_FALSE(r);
  EXPECT_EQ(status_for(r.error().code), 415);
  EXPECT_TRUE(json_object_body(json_request("{}", "application/json; charset=utf-8"), {"a"}));
  Request none;
  none.body = "{}";
  EXPECT_EQ(status_for(json_object_body(none, {}).error().code), 415);
}

TEST(JsonBody, RefusesMalformedJsonWithTheOffset) {
  auto r = json_object_body(json_request("{\"a\": tru}"), {"a"});
  ASSERT_FALSE(r);
  EXPECT_EQ(status_for(r.error().code), 400);
  EXPECT_NE(r.error().message.en.find("byte"), std::string::npos);
  EXPECT_EQ(status_for(json_object_body(json_request("[1,2]"), {}).error().code), 400);
  EXPECT_EQ(status_for(json_object_body(json_request(""), {}).error().code), 400);
}

TEST(JsonBody, NamesEveryUnknownField) {
  auto r = json_object_body(json_request(R"({"a":1,"role":"admin","x":2})"), {"a"});
  ASSERT_FALSE(r);
  EXPECT_EQ(status_for(r.error().code), 422);
  ASSERT_EQ(r.error().fields.size(), 2u);
  EXPECT_EQ(r.error().fields[0].field, "role");
  EXPECT_EQ(r.error().fields[1].field, "x");
}

TEST(JsonBody, RequiredStringChecksTypeLengthAndControlCharacters) {
  const auto body = nlohmann::json::parse(R"({"s":"Ķēniņš","n":5,"c":"a\u0007b"})");
  EXPECT_EQ(*required_string(body, "s", 6), "Ķēniņš");  // 6 letters, 12 bytes
  EXPECT_FALSE(required_string(body, "s", 5));
  EXPECT_EQ(required_string(body, "n", 5).error().fields[0].field, "n");
  EXPECT_FALSE(required_string(body, "c", 10));
  EXPECT_FALSE(required_string(body, "missing", 10));
}

}  // namespace
}  // namespace atb::http
