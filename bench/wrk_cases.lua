-- wrk_cases.lua: the case pages for bench/cases.sh, each request as the caseworker whose case it is.
--
-- Arguments (after `--`): LINES_FILE MODE [PAUSE_MS]. LINES_FILE has "TOKEN CASE_ID" a line: an
-- API token of a generated worker and a case she may see. MODE: `case` (GET /api/v1/cases/ID),
-- `notes` (GET /api/v1/cases/ID/notes, the first page) or `mine` (GET /api/v1/cases?mine=1 with
-- the line's token); for bench/services.sh also `service` (GET /api/v1/services/ID, the line's ID
-- a service) and `referrals` (GET /api/v1/cases/ID/referrals). Each thread cycles through all
-- lines from its own place, so consecutive requests come from different workers; with PAUSE_MS
-- each connection waits that long between its requests. The reporting (non-2xx counting, the WRK_RESULT line) is wrk_report.lua's.

local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(here .. "wrk_report.lua")

local report_setup, report_init = setup, init
local thread_count = 0

function setup(thread)
   report_setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_no", thread_count)
end

local lines, at, mode, pause = {}, 1, "case", 0

function init(args)
   report_init(args)
   for line in io.lines(args[1]) do
      local token, id = line:match("^(%S+)%s+(%d+)$")
      if token then lines[#lines + 1] = { token = token, id = id } end
   end
   assert(#lines > 0, "no lines in " .. tostring(args[1]))
   mode = args[2] or "case"
   pause = tonumber(args[3] or "0")
   at = ((thread_no or 1) - 1) * 131 % #lines + 1
end

function request()
   local l = lines[at]
   at = at % #lines + 1
   local headers = { ["Authorization"] = "Bearer " .. l.token }
   if mode == "mine" then return wrk.format("GET", "/api/v1/cases?mine=1", headers) end
   if mode == "notes" then return wrk.format("GET", "/api/v1/cases/" .. l.id .. "/notes", headers) end
   if mode == "service" then return wrk.format("GET", "/api/v1/services/" .. l.id, headers) end
   if mode == "referrals" then return wrk.format("GET", "/api/v1/cases/" .. l.id .. "/referrals", headers) end
   return wrk.format("GET", "/api/v1/cases/" .. l.id, headers)
end

function delay()
   return pause
end
