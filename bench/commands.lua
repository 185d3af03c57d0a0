-- wrk: comment commands on random cases of the official's department,
-- each with an id of its own.
local ids = {}
for line in io.lines(os.getenv("CIVIC_IDS")) do ids[#ids + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("CIVIC_TOKEN"),
                  ["Content-Type"] = "application/json" }
local counter = 0

-- Each thread's ids begin with a number of its own, new in every run: a
-- command whose id was sent before is answered from the record of
-- commands, and the run would measure replays. thread:set() sets a
-- global of the thread, so this one must not be a local.
math.randomseed(os.time())
thread_id = 0

function setup (thread)
  thread:set("thread_id", math.random(1, 1000000000))
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"commands":[{"id":"bench-%d-%d","type":"comment","target":"%s","args":{"text":"基准测试批注"}}]}',
    thread_id, counter, ids[math.random(#ids)])
  return wrk.format("POST", "/api/v1/commands", headers, body)
end
