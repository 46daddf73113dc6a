#include "app/progress_meter.h"

#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>

namespace atb::app {

ProgressMeter::ProgressMeter(std::ostream& err, std::string label, bool terminal,
                             std::chrono::seconds every)
    : err_(err), label_(std::move(label)), terminal_(terminal), every_(every),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressMeter::~ProgressMeter() {
  if (open_) err_ << "\n" << std::flush;
}

bool ProgressMeter::stderr_is_terminal() { return ::isatty(2) == 1; }

void ProgressMeter::update(std::int64_t done, std::int64_t total) {
  const auto now = std::chrono::steady_clock::now();
  const auto gap = terminal_ ? std::chrono::steady_clock::duration(std::chrono::milliseconds(100))
                             : std::chrono::steady_clock::duration(every_);
  if (now - last_ < gap) return;
  last_ = now;
  draw(done, total, false);
}

void ProgressMeter::finish(std::int64_t done, std::int64_t total) {
  if (finished_) return;
  finished_ = true;
  draw(done, total, true);
}

void ProgressMeter::draw(std::int64_t done, std::int64_t total, bool final_line) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  const int percent =
      total > 0 ? static_cast<int>(std::min<std::int64_t>(100, done * 100 / total)) : 100;
  const std::string counts = total > 0 ? fmt::format("{}/{}", done, total) : fmt::format("{}", done);
  const std::string text = fmt::format("{} {:3}%  {} rows  {:.0f} rows/s  {:.1f} s", label_,
                                       percent, counts, rate, seconds);
  if (terminal_) {
    const int filled = percent / 5;
    err_ << "\r" << label_ << " [" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(20 - filled), '-') << "]"
         << text.substr(label_.size()) << (final_line ? "\n" : "") << std::flush;
    open_ = !final_line;
  } else {
    err_ << text << "\n" << std::flush;
  }
}

}  // namespace atb::app
