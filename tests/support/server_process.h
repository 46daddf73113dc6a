// Runs the real `atbalsts` binary as a child process (for scale-out and shutdown tests).
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace atb::test {

/// `atbalsts serve --port P --database URL [extra…]`, started in the constructor.
class ServerProcess {
 public:
  ServerProcess(const std::string& database_url, std::vector<std::string> extra = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  /// Waits until /healthz answers 200 (false after the timeout or if the process died).
  bool wait_ready(int timeout_ms = 15000);
  /// Sends SIGTERM and waits; returns the exit status (or -1).
  int terminate();
  /// What the process printed so far.
  std::string output() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

/// Runs `atbalsts ARGS…` to completion; returns its exit code.
int run_binary(const std::vector<std::string>& args);

}  // namespace atb::test
