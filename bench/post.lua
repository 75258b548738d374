-- wrk script: posts comments as many different browsers (one X-Parley-Client per request)
counter = 0
request = function()
  counter = counter + 1
  local body = '{"site":"demo","page":"bench-posts","author":"Reader","body":"Comment number ' .. counter ..
    ': the tram plan needs a closer look at the night buses, and the budget."}'
  return wrk.format("POST", "/api/v1/comments",
    {["Content-Type"] = "application/json", ["X-Parley-Client"] = "bench-" .. counter}, body)
end
