// Progress of a long command on standard error: rows done of the total and the rate. On a
// terminal one line is redrawn in place (at most ten times a second); otherwise (a log file, a
// pipe) a plain line is written every few seconds, and one at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace atb::app {

/// One progress display.
class ProgressMeter {
 public:
  /// `label` starts each line ("persons"); `terminal` chooses the redrawn bar over plain lines;
  /// plain lines come every `every` seconds.
  ProgressMeter(std::ostream& err, std::string label, bool terminal,
                std::chrono::seconds every = std::chrono::seconds(5));
  ~ProgressMeter();

  /// `done` of `total` rows so far (total 0: unknown).
  void update(std::int64_t done, std::int64_t total);
  /// The final line (once): rows, seconds and the average rate.
  void finish(std::int64_t done, std::int64_t total);

  /// Whether standard error (fd 2) is a terminal.
  static bool stderr_is_terminal();

 private:
  void draw(std::int64_t done, std::int64_t total, bool final_line);

  std::ostream& err_;
  std::string label_;
  bool terminal_;
  std::chrono::seconds every_;
  std::chrono::steady_clock::time_point start_, last_;
  bool open_ = false, finished_ = false;
};

}  // namespace atb::app
