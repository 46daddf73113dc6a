// The HTTP server: RESTinio on standalone Asio with a thread pool. This header hides RESTinio;
// only server.cpp includes it. SIGTERM/SIGINT (or stop()) stop accepting, let requests in
// flight finish (up to a grace period), then return from run().
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/dispatcher.h"

namespace atb::http {

/// Where and how the server listens.
struct ServerOptions {
  std::string address = "127.0.0.1";
  int port = 8080;
  int io_threads = 2;              ///< socket I/O and non-blocking handlers
  int threads = 64;                ///< worker threads for handlers that use the database
  int hash_threads = 1;            ///< password hashing (bounded: logins never starve reads)
  std::chrono::seconds read_timeout{30};     ///< slow clients are disconnected after this
  std::chrono::seconds handler_timeout{30};
  std::chrono::seconds shutdown_grace{10};
  bool handle_signals = true;      ///< install SIGTERM/SIGINT handlers
};

/// One listening server.
class Server {
 public:
  Server(ServerOptions options, const Dispatcher& dispatcher);
  ~Server();

  /// Listens and serves until stopped. `on_listening(port)` is called once the socket is open.
  Result<void> run(std::function<void(int port)> on_listening = {});

  /// Begins a graceful stop from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace atb::http
