-- wrk: authenticated GETs of random single cases.
local ids = {}
for line in io.lines(os.getenv("CIVIC_IDS")) do ids[#ids + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("CIVIC_TOKEN") }

request = function()
  return wrk.format("GET", "/api/v1/cases/" .. ids[math.random(#ids)], headers)
end
