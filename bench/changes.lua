-- wrk: pages of the change feed from random cursors.
local head = tonumber(os.getenv("CIVIC_HEAD"))
local headers = { ["Authorization"] = "Bearer " .. os.getenv("CIVIC_TOKEN") }

request = function()
  local after = math.random(0, head)
  return wrk.format("GET", "/api/v1/changes?limit=100&after=" .. after, headers)
end
