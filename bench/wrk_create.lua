-- wrk_create.lua: POST /api/v1/persons for bench/registry.sh, with an API token.
--
-- Arguments (after `--`): TOKEN BASE PAUSE_MS [warmup]. Every request creates a new person with
-- a unique new-format personal code 329NNNNNNN + check digit: thread t uses the numbers from
-- BASE + (t − 1) × 100,000 on (from BASE + 500,000 on in a warm-up run: the generator never
-- makes codes starting with 329, and the script passes a BASE above the codes earlier runs
-- made). Each connection waits PAUSE_MS between its requests (0: none, a saturating load).
-- Names, birth dates and phones vary; confirm_duplicates is set, as a worker does after looking
-- at the candidates.

local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(here .. "wrk_report.lua")

local report_setup, report_init = setup, init
local thread_count = 0

function setup(thread)
   report_setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_no", thread_count)
end

local given = { "Anna", "Līga", "Jānis", "Pēteris", "Ilze", "Kristīne", "Mārtiņš", "Edgars", "Zane", "Ieva",
                "Sergejs", "Jeļena", "Ģirts", "Ņina", "Uģis", "Žanna", "Rūta", "Dāvis" }
local surnames = { "Bērziņa", "Kalniņš", "Ozola", "Jansons", "Krūmiņa", "Balodis", "Eglīte", "Zariņš", "Vītola",
                   "Kļaviņš", "Ivanova", "Šmits", "Liepa", "Pētersone", "Ziemelis", "Lāce" }
local weights = { 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local headers = { ["Content-Type"] = "application/json" }
local base, n, pause = 0, 0, 0

function init(args)
   report_init(args)
   headers["Authorization"] = "Bearer " .. args[1]
   base = tonumber(args[2]) + ((thread_no or 1) - 1) * 100000 + (args[4] == "warmup" and 500000 or 0)
   pause = tonumber(args[3] or "0")
end

function delay()
   return pause
end

-- The next code of this thread, XXXXXX-XXXXX, with the old-format check digit.
local function next_code()
   local digits = string.format("329%07d", base + n)
   local sum = 0
   for i = 1, 10 do sum = sum + weights[i] * tonumber(digits:sub(i, i)) end
   return digits:sub(1, 6) .. "-" .. digits:sub(7, 10) .. ((1101 - sum) % 11 % 10)
end

function request()
   local code = next_code()
   n = n + 1
   local body = string.format(
      '{"given_names":"%s","surname":"%s","personal_code":"%s","birth_date":"%04d-%02d-%02d",' ..
      '"phones":["+371 2%07d"],"confirm_duplicates":true}',
      given[n % #given + 1], surnames[(n * 7) % #surnames + 1], code,
      1940 + (base + n) % 80, 1 + n % 12, 1 + n % 28, (base + n) % 10000000)
   return wrk.format("POST", "/api/v1/persons", headers, body)
end
