-- wrk_login.lua: POST /api/v1/session (a password login) for bench/auth.sh.
--
-- Every request is a real argon2id password check for the demo user anna.
-- The reporting (non-2xx counting, the WRK_RESULT line) is wrk_report.lua's,
-- loaded from the same folder as this file.

local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(here .. "wrk_report.lua")

wrk.method = "POST"
wrk.body = '{"username":"anna","password":"Demo-Atbalsts-2026"}'
wrk.headers["Content-Type"] = "application/json"
