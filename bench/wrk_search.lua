-- wrk_search.lua: GET /api/v1/persons?q=… for bench/registry.sh, with an API token.
--
-- Arguments (after `--`): QUERY_FILE TOKEN [PAUSE_MS]; with PAUSE_MS each connection waits that
-- long between its requests (a paced load below saturation). QUERY_FILE has one URL-encoded query a line
-- (names without diacritics, personal codes); each thread cycles through all of them, starting
-- at its own place. The reporting (non-2xx counting, the WRK_RESULT line) is wrk_report.lua's.

local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(here .. "wrk_report.lua")

local report_setup, report_init = setup, init
local thread_count = 0

function setup(thread)
   report_setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_no", thread_count)
end

local queries, at, headers, pause = {}, 1, {}, 0

function init(args)
   report_init(args)
   for line in io.lines(args[1]) do
      if #line > 0 then queries[#queries + 1] = line end
   end
   assert(#queries > 0, "no queries in " .. tostring(args[1]))
   headers["Authorization"] = "Bearer " .. args[2]
   pause = tonumber(args[3] or "0")
   at = ((thread_no or 1) - 1) * 97 % #queries + 1
end

function request()
   local q = queries[at]
   at = at % #queries + 1
   return wrk.format("GET", "/api/v1/persons?q=" .. q, headers)
end

function delay()
   return pause
end
