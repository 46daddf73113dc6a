#include "http/metrics.h"

#include <fmt/format.h>

namespace atb::http {

void Metrics::observe(std::string_view method, std::string_view route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(method), std::string(route), status}];
  auto it = latency_.find(std::string(route));
  if (it == latency_.end()) it = latency_.emplace(std::string(route), Histogram{}).first;
  Histogram& h = it->second;
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::add_gauges(GaugeSource source) {
  std::lock_guard lock(mutex_);
  gauges_.push_back(std::move(source));
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP atbalsts_http_requests_total HTTP requests by method, route and status.\n";
  out += "# TYPE atbalsts_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format("atbalsts_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                       method, route, status, n);
  }
  out += "# HELP atbalsts_http_request_duration_seconds Time to answer, by route.\n";
  out += "# TYPE atbalsts_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      out += fmt::format("atbalsts_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                         route, kLatencyBuckets[i], h.buckets[i]);
    }
    out += fmt::format("atbalsts_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                       route, h.count);
    out += fmt::format("atbalsts_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route, h.sum);
    out += fmt::format("atbalsts_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, h.count);
  }
  for (const auto& source : gauges_) {
    for (const auto& [name, value] : source()) {
      out += fmt::format("# TYPE {} gauge\n{} {}\n", name, name, value);
    }
  }
  return out;
}

}  // namespace atb::http
