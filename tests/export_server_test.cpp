// Streamed answers on the real server (a loopback socket, chunked transfer encoding): the whole
// body arrives and ends with the last chunk; a producer is held back while the client does not
// read (memory stays bounded); a producer that fails half-way ends the connection without the
// last chunk, so the client sees a truncated transfer; a streamed answer of an inline route is
// still produced off the io threads.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "core/log.h"
#include "http/dispatcher.h"
#include "http/server.h"
#include "support/http_client.h"

namespace atb::http {
namespace {

using namespace std::chrono_literals;
using test::connect_to;

constexpr int kPieces = 1000;                // 1000 × 64 KiB = 62.5 MiB
const std::string kPiece(64 * 1024, 'x');

/// What a raw client read: the head, the bytes after it, whether the server closed.
struct Raw {
  std::string head, rest;
  bool closed = false;
};

void send_get(int fd, const std::string& path) {
  const std::string req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  ASSERT_EQ(::send(fd, req.data(), req.size(), MSG_NOSIGNAL), static_cast<ssize_t>(req.size()));
}

/// Reads until the server closes or `timeout` passes.
Raw read_all(int fd, std::chrono::milliseconds timeout) {
  Raw r;
  std::string buf;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char chunk[65536];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) {
      r.closed = true;
      break;
    }
    buf.append(chunk, static_cast<std::size_t>(n));
  }
  const auto end = buf.find("\r\n\r\n");
  if (end == std::string::npos) return r;
  r.head = buf.substr(0, end);
  r.rest = buf.substr(end + 4);
  return r;
}

/// The body of chunked `bytes`, and whether the last (zero) chunk was there.
std::pair<std::string, bool> dechunk(const std::string& bytes) {
  std::string body;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const auto eol = bytes.find("\r\n", at);
    if (eol == std::string::npos) break;
    const std::size_t size = std::stoul(bytes.substr(at, eol - at), nullptr, 16);
    if (size == 0) return {body, bytes.compare(eol, 4, "\r\n\r\n") == 0};
    if (eol + 2 + size + 2 > bytes.size()) break;  // a chunk cut short
    body += bytes.substr(eol + 2, size);
    at = eol + 2 + size + 2;
  }
  return {body, false};
}

class StreamingServer : public ::testing::Test {
 protected:
  void SetUp() override {
    log::init(false);
    router_.add(Method::get, "/stream", [this](Request&) {
      return streamed("text/plain", [this](const ChunkSink& sink) -> Result<void> {
        for (int i = 0; i < kPieces; ++i) {
          if (!sink(kPiece)) return Error::unavailable("client gone");
          ++produced_;
        }
        return ok();
      });
    }, {.summary = "test"});
    router_.add(Method::get, "/broken", [](Request&) {
      return streamed("text/plain", [](const ChunkSink& sink) -> Result<void> {
        for (int i = 0; i < 3; ++i) sink("row " + std::to_string(i) + "\n");
        return Error::internal("the database went away");
      });
    }, {.summary = "test"});
    router_.add(Method::get, "/throws", [](Request&) {
      return streamed("text/plain", [](const ChunkSink& sink) -> Result<void> {
        sink("a\n");
        throw std::runtime_error("boom");
      });
    }, {.summary = "test"});
    router_.add(Method::get, "/inline", [](Request&) {
      return streamed("text/plain", [](const ChunkSink& sink) -> Result<void> {
        for (int i = 0; i < 10; ++i) sink(std::to_string(i));
        return ok();
      });
    }, {.summary = "test"}, {.pool = Pool::inline_});
    auto files = StaticFiles::load("/nonexistent-atbalsts-web");
    ASSERT_TRUE(files);
    files_ = std::make_unique<StaticFiles>(std::move(*files));
    dispatcher_ = std::make_unique<Dispatcher>(router_, *files_, metrics_, Limits{}, false);
    ServerOptions options;
    options.port = test::free_port();
    options.threads = 4;
    options.handle_signals = false;
    port_ = options.port;
    server_ = std::make_unique<Server>(options, *dispatcher_);
    std::promise<void> listening;
    auto ready = listening.get_future();
    thread_ = std::thread([this, &listening] {
      auto r = server_->run([&](int) { listening.set_value(); });
      EXPECT_TRUE(r);
    });
    ready.wait();
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
  }

  Router router_;
  Metrics metrics_;
  std::unique_ptr<StaticFiles> files_;
  std::unique_ptr<Dispatcher> dispatcher_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> produced_{0};
};

TEST_F(StreamingServer, TheWholeBodyArrivesChunkedAndComplete) {
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  send_get(fd, "/stream");
  // The client does not read for a while: the producer must wait, not fill memory.
  std::this_thread::sleep_for(1500ms);
  const int early = produced_.load();
  EXPECT_LT(early, kPieces / 2) << "the producer ran ahead of a client that did not read";
  // Read it all (the connection stays open for more requests: stop at the last chunk).
  std::string buf;
  char chunk[65536];
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (std::chrono::steady_clock::now() < deadline && buf.find("\r\n0\r\n\r\n") == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    buf.append(chunk, static_cast<std::size_t>(n));
  }
  ::close(fd);
  const auto end = buf.find("\r\n\r\n");
  ASSERT_NE(end, std::string::npos);
  const std::string head = buf.substr(0, end);
  EXPECT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << head;
  EXPECT_NE(head.find("ransfer-Encoding: chunked"), std::string::npos) << head;
  EXPECT_NE(head.find("X-Request-Id"), std::string::npos) << head;
  const auto [body, complete] = dechunk(buf.substr(end + 4));
  EXPECT_TRUE(complete);
  EXPECT_EQ(body.size(), kPiece.size() * kPieces);
  EXPECT_EQ(produced_.load(), kPieces);
}

TEST_F(StreamingServer, AFailureHalfWayEndsTheConnectionWithoutTheLastChunk) {
  for (const char* path : {"/broken", "/throws"}) {
    const int fd = connect_to(port_);
    ASSERT_GE(fd, 0);
    send_get(fd, path);
    const auto start = std::chrono::steady_clock::now();
    const Raw r = read_all(fd, 10s);
    ::close(fd);
    EXPECT_TRUE(r.closed) << path << ": the server kept the connection open";
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s) << path;
    EXPECT_EQ(r.head.rfind("HTTP/1.1 200", 0), 0u) << path << ": " << r.head;
    const auto [body, complete] = dechunk(r.rest);
    EXPECT_FALSE(complete) << path << ": a failed stream must not look complete";
    EXPECT_EQ(r.rest.find("\r\n0\r\n\r\n"), std::string::npos) << path;
    EXPECT_EQ(body.substr(0, 2), std::string(path) == "/broken" ? "ro" : "a\n") << path;
  }
  // The server still answers afterwards.
  EXPECT_EQ(test::http_get(port_, "/inline").status, 200);
}

TEST_F(StreamingServer, AStreamOfAnInlineRouteIsProducedOnAWorker) {
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  const std::string req = "GET /inline HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ASSERT_GT(::send(fd, req.data(), req.size(), MSG_NOSIGNAL), 0);
  const Raw r = read_all(fd, 10s);
  ::close(fd);
  const auto [body, complete] = dechunk(r.rest);
  EXPECT_TRUE(complete);
  EXPECT_EQ(body, "0123456789");
}

}  // namespace
}  // namespace atb::http
