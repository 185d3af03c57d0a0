-- wrk: pages of the change feed from random cursors: those listed in
-- CIVIC_AFTERS, one a line, or any up to CIVIC_HEAD.
local afters = {}
if os.getenv("CIVIC_AFTERS") then
  for line in io.lines(os.getenv("CIVIC_AFTERS")) do afters[#afters + 1] = line end
end
local head = tonumber(os.getenv("CIVIC_HEAD") or "0")
local headers = { ["Authorization"] = "Bearer " .. os.getenv("CIVIC_TOKEN") }

request = function()
  local after = #afters > 0 and afters[math.random(#afters)] or math.random(0, head)
  return wrk.format("GET", "/api/v1/changes?limit=100&after=" .. after, headers)
end
