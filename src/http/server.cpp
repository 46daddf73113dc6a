#include "http/server.h"

#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <latch>
#include <csignal>
#include <thread>
#include <vector>

#include <restinio/all.hpp>

#include "core/log.h"

namespace atb::http {
namespace {

using Traits = restinio::default_traits_t;
using RestinioServer = restinio::http_server_t<Traits>;

Request to_request(const restinio::request_handle_t& req) {
  Request r;
  const auto& h = req->header();
  r.method = parse_method(h.method().c_str());
  r.set_target(h.request_target());
  std::size_t bytes = r.target.size() + 16;
  for (const auto& field : h) {
    std::string name = field.name();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bytes += name.size() + field.value().size() + 4;
    r.headers.emplace_back(std::move(name), field.value());
  }
  r.header_bytes = bytes;
  r.body = req->body();
  r.remote_address = req->remote_endpoint().address().to_string();
  return r;
}

// Sends a finished Response back through RESTinio (from any thread).
void respond(const restinio::request_handle_t& req, Response response, bool close) {
  auto out = req->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
      std::string(reason_phrase(response.status))});
  out.append_header_date_field();
  if (!response.content_type.empty()) {
    out.append_header(restinio::http_field::content_type, response.content_type);
  }
  for (auto& [name, value] : response.headers) out.append_header(name, std::move(value));
  if (close) out.connection_close();
  out.set_body(std::move(response.body));
  out.done();
}

// Back-pressure of a streamed body: at most kQueued pieces are being written or waiting to be,
// so a producer faster than the client waits instead of filling memory.
class StreamGate {
 public:
  static constexpr int kQueued = 4;

  // Waits for room for one more piece; false when the connection failed or stayed stuck.
  bool enter(std::chrono::seconds patience) {
    std::unique_lock lock(mutex_);
    const bool room = changed_.wait_for(lock, patience, [this] { return broken_ || queued_ < kQueued; });
    if (!room) broken_ = true;  // the client stopped reading
    if (broken_) return false;
    ++queued_;
    return true;
  }
  // A piece was written (or failed to be).
  void leave(bool failed) {
    std::lock_guard lock(mutex_);
    --queued_;
    if (failed) broken_ = true;
    changed_.notify_all();
  }
  bool broken() {
    std::lock_guard lock(mutex_);
    return broken_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int queued_ = 0;
  bool broken_ = false;
};

// Sends a streamed Response with chunked transfer encoding, running its producer on this (worker)
// thread. A producer that fails, throws or loses its client ends the connection without the
// last (zero) chunk: the client sees a truncated transfer, never a complete-looking file.
void respond_streamed(const restinio::request_handle_t& req, Response response, bool close,
                      std::chrono::seconds patience, const std::string& request_id) {
  restinio::impl::connection_handle_t connection = restinio::impl::access_req_connection(*req);
  const auto restinio_request_id = req->request_id();
  auto out = req->create_response<restinio::chunked_output_t>(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
      std::string(reason_phrase(response.status))});
  out.append_header_date_field();
  if (!response.content_type.empty()) {
    out.append_header(restinio::http_field::content_type, response.content_type);
  }
  for (auto& [name, value] : response.headers) out.append_header(name, std::move(value));
  if (close) out.connection_close();
  auto gate = std::make_shared<StreamGate>();
  auto sink = [&out, gate, patience](std::string chunk) -> bool {
    if (chunk.empty()) return !gate->broken();
    if (!gate->enter(patience)) return false;
    try {
      out.append_chunk(std::move(chunk));
      out.flush([gate](const asio::error_code& ec) { gate->leave(static_cast<bool>(ec)); });
    } catch (const std::exception&) {
      gate->leave(true);
      return false;
    }
    return true;
  };
  Result<void> produced = ok();
  try {
    out.flush();  // the status line and headers go out before the first row is read
    produced = response.stream(sink);
  } catch (const std::exception& e) {
    produced = Error::internal(std::string("stream producer threw: ") + e.what());
  }
  if (produced && !gate->broken()) {
    out.done();
    return;
  }
  log::warn("streamed response ended early",
            {{"request_id", request_id},
             {"error", produced ? std::string("client gone") : produced.error().detail}});
  // Final parts with connection-close and no zero chunk: RESTinio closes the socket after them.
  connection->write_response_parts(
      restinio_request_id,
      restinio::response_output_flags_t{restinio::response_parts_attr_t::final_parts,
                                        restinio::response_connection_attr_t::connection_close},
      restinio::write_group_t{restinio::writable_items_container_t{}});
}

}  // namespace

// Runs every thread of the hashing pool at a lower CPU priority (nice 10): password hashing
// is deliberately slow work, and on a small machine it must not delay ordinary requests.
static void lower_hashing_priority(asio::thread_pool& pool, int threads) {
  // Shared: a pool thread may still be inside arrive_and_wait() when this function returns.
  auto all = std::make_shared<std::latch>(threads);
  for (int i = 0; i < threads; ++i) {
    asio::post(pool, [all] {
      ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
      all->arrive_and_wait();  // hold this thread until each one has taken a task
    });
  }
  all->wait();
}

struct Server::Impl {
  ServerOptions options;
  const Dispatcher& dispatcher;
  asio::io_context io{options.io_threads};
  asio::thread_pool workers{static_cast<std::size_t>(options.threads)};
  asio::thread_pool hashing{static_cast<std::size_t>(options.hash_threads)};
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
  std::unique_ptr<RestinioServer> server;
  std::unique_ptr<asio::steady_timer> drain_timer;

  Impl(ServerOptions o, const Dispatcher& d) : options(std::move(o)), dispatcher(d) {}

  restinio::request_handling_status_t on_request(const restinio::request_handle_t& req) {
    ++in_flight;
    auto request = std::make_shared<Request>(to_request(req));
    auto prepared = std::make_shared<Prepared>(dispatcher.prepare(*request));
    const Pool pool = prepared->route ? prepared->route->options.pool : Pool::inline_;
    auto run = [this, req, request, prepared, pool] {
      auto response = std::make_shared<Response>(dispatcher.complete(*request, *prepared));
      auto send = [this, req, request, response] {
        try {
          if (response->stream) {
            respond_streamed(req, std::move(*response), draining, options.read_timeout,
                             request->request_id);
          } else {
            respond(req, std::move(*response), draining);
          }
        } catch (const std::exception& e) {
          log::warn("response not sent", {{"request_id", request->request_id}, {"error", e.what()}});
        }
        --in_flight;
      };
      // A streamed body is produced on a worker, never on an io thread (it waits for the
      // client, and the io threads deliver the client's progress).
      if (response->stream && pool == Pool::inline_) {
        asio::post(workers, std::move(send));
      } else {
        send();
      }
    };
    if (pool == Pool::inline_) {
      run();
    } else {
      asio::post(pool == Pool::hashing ? hashing : workers, std::move(run));
    }
    return restinio::request_accepted();
  }

  // Closes the acceptor, then waits for requests in flight before stopping the loop.
  void begin_shutdown() {
    if (draining.exchange(true)) return;
    log::info("shutting down", {{"in_flight", in_flight.load()}});
    server->close_async([] {}, [](std::exception_ptr) {});
    const auto deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
    drain_timer = std::make_unique<asio::steady_timer>(io);
    wait_drained(deadline);
  }

  void wait_drained(std::chrono::steady_clock::time_point deadline) {
    if (in_flight == 0 || std::chrono::steady_clock::now() > deadline) {
      io.stop();
      return;
    }
    drain_timer->expires_after(std::chrono::milliseconds(20));
    drain_timer->async_wait([this, deadline](const asio::error_code&) { wait_drained(deadline); });
  }
};

Server::Server(ServerOptions options, const Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

Server::~Server() = default;

void Server::stop() {
  asio::post(impl_->io, [this] { impl_->begin_shutdown(); });
}

Result<void> Server::run(std::function<void(int port)> on_listening) {
  Impl& s = *impl_;
  const Limits& limits = s.dispatcher.limits();
  // RESTinio's own limits are only a backstop far above ours: over them it drops the
  // connection, whereas our limits (checked in the Dispatcher) answer with problem+json.
  auto settings =
      restinio::server_settings_t<Traits>{}
          .address(s.options.address)
          .port(static_cast<std::uint16_t>(s.options.port))
          .request_handler([&s](auto req) { return s.on_request(req); })
          .read_next_http_message_timelimit(s.options.read_timeout)
          .write_http_response_timelimit(s.options.read_timeout)
          .handle_request_timeout(s.options.handler_timeout)
          .max_pipelined_requests(16)
          .socket_options_setter([](restinio::socket_options_t& o) {
            o.set_option(asio::ip::tcp::no_delay{true});
          })
          .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                        .max_url_size(std::max<std::size_t>(limits.url * 4, 65536))
                                        .max_field_name_size(65536)
                                        .max_field_value_size(65536)
                                        .max_field_count(1000)
                                        .max_body_size(limits.hard_body));
  try {
    s.server = std::make_unique<RestinioServer>(restinio::external_io_context(s.io),
                                                std::move(settings));
    s.server->open_sync();
  } catch (const std::exception& e) {
    return Error::unavailable(std::string("cannot listen: ") + e.what());
  }
  lower_hashing_priority(s.hashing, s.options.hash_threads);
  asio::signal_set signals(s.io);
  if (s.options.handle_signals) {
    signals.add(SIGTERM);
    signals.add(SIGINT);
    signals.async_wait([&s](const asio::error_code& ec, int) {
      if (!ec) s.begin_shutdown();
    });
  }
  if (on_listening) on_listening(s.options.port);
  std::vector<std::thread> pool;
  for (int i = 1; i < s.options.io_threads; ++i) pool.emplace_back([&s] { s.io.run(); });
  s.io.run();
  for (auto& t : pool) t.join();
  s.workers.join();
  s.hashing.join();
  signals.cancel();
  s.server.reset();
  log::info("stopped", {});
  log::flush();
  return ok();
}

}  // namespace atb::http
