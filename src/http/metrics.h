// Prometheus metrics for the HTTP server: requests by route and status, a latency
// histogram per route, and the database pool's state (sampled when scraped).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace atb::http {

/// Upper bounds of the latency buckets, in seconds.
inline constexpr std::array<double, 12> kLatencyBuckets = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0};

/// Thread-safe request counters and histograms.
class Metrics {
 public:
  /// Records one finished request. `route` is the pattern ("/api/v1/persons/{id}"), never
  /// the concrete path, so record ids do not multiply the series.
  void observe(std::string_view method, std::string_view route, int status, double seconds);

  /// Extra gauges appended when rendering (e.g. the database pool); name → value.
  using GaugeSource = std::function<std::map<std::string, double>()>;
  void add_gauges(GaugeSource source);

  /// The text exposition format (version 0.0.4).
  std::string render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kLatencyBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::vector<GaugeSource> gauges_;
};

}  // namespace atb::http
