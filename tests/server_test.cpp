// The real server on a loopback socket: limits answered with problem+json (never a dropped
// connection), security headers, static files, and graceful shutdown.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/application.h"
#include "core/log.h"
#include "http/json_body.h"
#include "http/server.h"
#include "support/app_fixture.h"
#include "support/databases.h"
#include "support/http_client.h"

namespace atb {
namespace {

using test::http_get;

std::string make_web_dir() {
  const std::string dir = test::temp_dir() + "/web";
  std::filesystem::create_directories(dir + "/assets");
  std::ofstream(dir + "/index.html") << "<!doctype html><title>Atbalsts</title>";
  std::ofstream(dir + "/assets/app-1a2b3c.js") << "console.log('ok')";
  return dir;
}

// An Application serving on a free port in a background thread.
class RunningApp {
 public:
  explicit RunningApp(Config config) {
    log::init(false);
    config.port = test::free_port();
    port_ = config.port;
    auto app = app::Application::open(config);
    EXPECT_TRUE(app) << app.error().detail;
    app_ = std::move(*app);
    std::promise<void> listening;
    auto ready = listening.get_future();
    thread_ = std::thread([this, &listening] {
      auto r = app_->serve([&](int) { listening.set_value(); });
      EXPECT_TRUE(r) << r.error().detail;
    });
    ready.wait();
  }
  ~RunningApp() {
    app_->stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  std::unique_ptr<app::Application> app_;
  std::thread thread_;
  int port_ = 0;
};

class ServerTest : public ::testing::Test {
 protected:
  static Config config() {
    Config c = test::test_config(scratch().url());
    c.web_dir = web_dir();
    c.pool_size = 2;
    return c;
  }
  static test::ScratchDatabase& scratch() {
    static test::ScratchDatabase db(storage::Engine::sqlite);
    return db;
  }
  static const std::string& web_dir() {
    static const std::string dir = make_web_dir();
    return dir;
  }
  RunningApp app_{config()};
};

TEST_F(ServerTest, EveryAnswerCarriesSecurityHeadersAndARequestId) {
  auto r = http_get(app_.port(), "/healthz");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.header("content-security-policy").find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_EQ(r.header("x-request-id").size(), 16u);
  auto echoed = http_get(app_.port(), "/healthz", {{"X-Request-Id", "trace-123"}});
  EXPECT_EQ(echoed.header("x-request-id"), "trace-123");
  auto forged = http_get(app_.port(), "/healthz", {{"X-Request-Id", "bad id\" with quotes"}});
  EXPECT_NE(forged.header("x-request-id"), "bad id\" with quotes");
}

TEST_F(ServerTest, ReadinessNamesTheEngine) {
  auto r = http_get(app_.port(), "/readyz");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["engine"], "sqlite");
}

TEST_F(ServerTest, LongUrlIsAnswered414) {
  auto r = http_get(app_.port(), "/api/v1/version?q=" + std::string(10000, 'a'));
  ASSERT_TRUE(r.answered);
  EXPECT_EQ(r.status, 414);
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
}

TEST_F(ServerTest, HugeHeadersAreAnswered431) {
  auto r = http_get(app_.port(), "/healthz", {{"X-Filler", std::string(20000, 'h')}});
  ASSERT_TRUE(r.answered);
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(nlohmann::json::parse(r.body)["status"], 431);
}

TEST_F(ServerTest, ProblemsFollowAcceptLanguage) {
  auto lv = http_get(app_.port(), "/api/v1/nothing-here");
  EXPECT_EQ(lv.status, 404);
  EXPECT_EQ(nlohmann::json::parse(lv.body)["title"], "Nav atrasts");
  auto en = http_get(app_.port(), "/api/v1/nothing-here", {{"Accept-Language", "en-GB,en;q=0.8"}});
  EXPECT_EQ(nlohmann::json::parse(en.body)["title"], "Not found");
}

TEST_F(ServerTest, StaticFilesHaveCachingHeadersAndClientRoutesFallBack) {
  auto index = http_get(app_.port(), "/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  EXPECT_NE(index.body.find("<title>Atbalsts</title>"), std::string::npos);
  auto asset = http_get(app_.port(), "/assets/app-1a2b3c.js");
  ASSERT_EQ(asset.status, 200);
  EXPECT_EQ(asset.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(asset.header("content-type"), "text/javascript; charset=utf-8");
  auto again = http_get(app_.port(), "/assets/app-1a2b3c.js", {{"If-None-Match", asset.header("etag")}});
  EXPECT_EQ(again.status, 304);
  auto route = http_get(app_.port(), "/persons/42");
  EXPECT_EQ(route.status, 200);
  EXPECT_NE(route.body.find("<title>Atbalsts</title>"), std::string::npos);
  EXPECT_EQ(http_get(app_.port(), "/assets/missing.js").status, 404);
  EXPECT_EQ(http_get(app_.port(), "/api/v1/unknown").status, 404);  // API paths never fall back
}

TEST_F(ServerTest, PathTraversalIsRefusedInEveryEncoding) {
  for (const char* path : {"/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
                           "/assets/..%2f..%2findex.html", "/a/%2e%2e/%2e%2e/etc/passwd",
                           "/..%5c..%5cwindows", "/a%00.html"}) {
    auto r = http_get(app_.port(), path);
    ASSERT_TRUE(r.answered) << path;
    EXPECT_TRUE(r.status == 400 || r.status == 404) << path << " gave " << r.status;
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << path;
    EXPECT_EQ(r.body.find("root:"), std::string::npos);
  }
  EXPECT_EQ(http_get(app_.port(), "/a%zz").status, 400);
}

TEST_F(ServerTest, AQueryParameterThatIsNotUtf8IsRefusedNamingIt) {
  // Before any route or database sees it (PostgreSQL would fail on such text with a 500).
  const auto r = http_get(app_.port(), "/api/v1/partners?page=1&q=Li%C4");
  ASSERT_TRUE(r.answered);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  const auto body = nlohmann::json::parse(r.body);
  ASSERT_TRUE(body.contains("errors")) << r.body;
  EXPECT_EQ(body["errors"][0]["field"], "q") << r.body;
  EXPECT_NE(body["detail"].get<std::string>().find("„q”"), std::string::npos) << r.body;
}

TEST_F(ServerTest, OpenApiListsEveryRoute) {
  auto r = http_get(app_.port(), "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  const auto doc = nlohmann::json::parse(r.body);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  for (const char* path : {"/healthz", "/readyz", "/metrics", "/api/v1/version",
                           "/api/v1/openapi.json", "/api/v1/municipality"}) {
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
  }
}

TEST_F(ServerTest, MetricsCountRequestsByRoutePattern) {
  (void)http_get(app_.port(), "/readyz");
  auto r = http_get(app_.port(), "/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("atbalsts_http_requests_total{method=\"GET\",route=\"/readyz\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(r.body.find("atbalsts_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(r.body.find("atbalsts_db_pool_size 2"), std::string::npos);
}

// A bare server with test routes: a slow one (graceful stop) and a JSON echo (body checks).
class BareServer : public ::testing::Test {
 protected:
  void SetUp() override {
    log::init(false);
    router_.add(http::Method::get, "/slow",
                [](http::Request&) {
                  std::this_thread::sleep_for(std::chrono::milliseconds(700));
                  return http::Response::json({{"done", true}});
                },
                {.summary = "slow", .tag = "test"});
    router_.add(http::Method::post, "/echo",
                [](http::Request& req) {
                  auto body = http::json_object_body(req, {"name"});
                  if (!body) return http::problem(body.error(), req.lang, req.request_id);
                  return http::Response::json(*body, 201);
                },
                {.summary = "echo", .tag = "test"});
    options_.port = test::free_port();
    options_.threads = 2;
    options_.handle_signals = false;
    server_ = std::make_unique<http::Server>(options_, dispatcher_);
    std::promise<void> listening;
    runner_ = std::thread([&] { EXPECT_TRUE(server_->run([&](int) { listening.set_value(); })); });
    listening.get_future().wait();
  }
  void TearDown() override {
    server_->stop();
    runner_.join();
  }
  test::RawResponse post(const std::string& body, const std::string& type = "application/json") {
    return test::http_exchange(options_.port,
                               test::request_bytes("POST", "/echo", {{"Content-Type", type}}, body));
  }

  http::Router router_;
  http::StaticFiles files_;
  http::Metrics metrics_;
  http::Dispatcher dispatcher_{router_, files_, metrics_, http::Limits{}, false};
  http::ServerOptions options_;
  std::unique_ptr<http::Server> server_;
  std::thread runner_;
};

TEST_F(BareServer, InFlightRequestsFinishBeforeTheServerStops) {
  auto slow = std::async(std::launch::async, [&] { return http_get(options_.port, "/slow"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  server_->stop();
  const auto r = slow.get();
  ASSERT_TRUE(r.answered);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"done":true})");
  runner_.join();
  runner_ = std::thread([] {});
  EXPECT_FALSE(http_get(options_.port, "/slow").answered);  // no longer listening
}

TEST_F(BareServer, WellFormedJsonIsAccepted) {
  auto r = post(R"({"name":"Līga"})");
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(nlohmann::json::parse(r.body)["name"], "Līga");
}

TEST_F(BareServer, OversizeBodyIsAnswered413NotDropped) {
  auto r = post("{\"name\":\"" + std::string(2 << 20, 'x') + "\"}");
  ASSERT_TRUE(r.answered);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
}

TEST_F(BareServer, MalformedJsonWrongTypeAndUnknownFieldsAreRefused) {
  EXPECT_EQ(post("{\"name\": ").status, 400);
  EXPECT_EQ(post("name=x", "application/x-www-form-urlencoded").status, 415);
  auto unknown = post(R"({"name":"x","is_admin":true})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(nlohmann::json::parse(unknown.body)["errors"][0]["field"], "is_admin");
}

TEST_F(BareServer, GarbageOnTheWireDoesNotCrashTheServer) {
  (void)test::http_exchange(options_.port, "\x16\x03\x01 not http at all\r\n\r\n",
                            std::chrono::milliseconds(1000));
  (void)test::http_exchange(options_.port, "GET /echo HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                            std::chrono::milliseconds(1000));
  EXPECT_EQ(post(R"({"name":"still here"})").status, 201);
}

}  // namespace
}  // namespace atb

namespace atb {
namespace {

// A slow client (slowloris) is disconnected after the read timeout and does not hold up others.
TEST(SlowClient, IsDisconnectedAndDoesNotBlockOthers) {
  log::init(false);
  http::Router router;
  router.add(http::Method::get, "/ping", [](http::Request&) { return http::Response::json({{"ok", true}}); },
             {.summary = "ping", .tag = "test"}, {.pool = http::Pool::inline_});
  http::StaticFiles files;
  http::Metrics metrics;
  http::Dispatcher dispatcher(router, files, metrics, http::Limits{}, false);
  http::ServerOptions options;
  options.port = test::free_port();
  options.io_threads = 1;
  options.threads = 1;
  options.read_timeout = std::chrono::seconds(1);
  options.handle_signals = false;
  http::Server server(options, dispatcher);
  std::promise<void> listening;
  std::thread runner([&] { EXPECT_TRUE(server.run([&](int) { listening.set_value(); })); });
  listening.get_future().wait();

  const auto started = std::chrono::steady_clock::now();
  auto slow = std::async(std::launch::async, [&] {
    // Half a request line, then silence.
    return test::http_exchange(options.port, "GET /ping HTTP/1.1\r\nHost: x\r\n",
                               std::chrono::milliseconds(5000));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(http_get(options.port, "/ping").status, 200);  // others are served meanwhile
  const auto r = slow.get();
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_FALSE(r.answered);
  EXPECT_LT(waited, std::chrono::milliseconds(4000));  // closed by the server, not by our timeout
  server.stop();
  runner.join();
}

}  // namespace
}  // namespace atb
