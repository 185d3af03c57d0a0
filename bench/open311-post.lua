-- wrk: Open311 requests filed by a client with its key, each its own
-- (anonymous consultations, which the region's table lets be anonymous).
local key = os.getenv("CIVIC_KEY")
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local counter = 0

request = function()
  counter = counter + 1
  local body = "api_key=" .. key ..
    "&service_code=scjg-price&address_string=%E9%95%BF%E6%B2%99%E5%B8%82%E4%BA%94%E4%B8%80" ..
    "%E5%A4%A7%E9%81%93" .. counter ..
    "&description=%E5%81%9C%E8%BD%A6%E5%9C%BA%E6%94%B6%E8%B4%B9%E6%98%AF%E5%90%A6%E6%98%8E" ..
    "%E7%A0%81%E6%A0%87%E4%BB%B7%EF%BC%9F"
  return wrk.format("POST", "/open311/v2/requests.json", headers, body)
end
