-- wrk_report.lua: machine-readable summary for bench/http.sh.
--
-- Counts every response whose status is not 2xx (wrk itself only counts
-- status >= 400 in summary.errors.status), then prints one line:
--
--   WRK_RESULT requests=N duration_s=S rps=R p50_ms=A p99_ms=B p90_ms=C non2xx=K
--              errors_connect=.. errors_read=.. errors_write=.. errors_timeout=.. errors_status=..
--
-- (all on one line, space-separated key=value pairs; latencies in ms).

local threads = {}

-- Runs in the main Lua state once per wrk thread: keep a handle so done()
-- can read each thread's counter.
function setup(thread)
   table.insert(threads, thread)
end

-- Runs in each thread's own Lua state.
function init(args)
   non2xx = 0
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local non2xx_total = 0
   for _, t in ipairs(threads) do
      non2xx_total = non2xx_total + (tonumber(t:get("non2xx")) or 0)
   end
   local secs = summary.duration / 1e6            -- summary.duration is in µs
   local e = summary.errors
   io.write(string.format(
      "WRK_RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f p90_ms=%.3f non2xx=%d " ..
      "errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d errors_status=%d\n",
      summary.requests, secs, summary.requests / secs,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,   -- µs -> ms
      latency:percentile(90) / 1000,
      non2xx_total, e.connect, e.read, e.write, e.timeout, e.status))
end
