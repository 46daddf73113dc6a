// A minimal blocking HTTP/1.1 client over a raw socket, so tests can send exactly the bytes
// an attacker or a broken client would, and see whether the server answered or hung up.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace atb::test {

/// What came back on the connection.
struct RawResponse {
  bool answered = false;  ///< false: the connection closed (or timed out) before a status line
  int status = 0;
  std::map<std::string, std::string> headers;  ///< lower-case names
  std::string body;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string{} : it->second;
  }
};

/// A blocking TCP connection to 127.0.0.1:port (the caller closes it), or -1.
int connect_to(int port);

/// Sends `raw` to 127.0.0.1:port and reads one response.
RawResponse http_exchange(int port, const std::string& raw,
                     std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));

/// Builds a request with Host, Content-Length (for a body) and Connection: close.
std::string request_bytes(const std::string& method, const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& headers = {},
                          const std::string& body = {});

/// GET/POST shorthands.
RawResponse http_get(int port, const std::string& target,
                     const std::vector<std::pair<std::string, std::string>>& headers = {});
RawResponse http_post_json(int port, const std::string& target, const std::string& json,
                           const std::vector<std::pair<std::string, std::string>>& headers = {});

/// A TCP port on 127.0.0.1 that nothing listens on right now.
int free_port();

}  // namespace atb::test
