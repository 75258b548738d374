-- wrk script: POST /v1alpha1/comments:analyze with a rotating mix of realistic comments, as Coral sends them.
--   wrk -t2 -c32 -d30s --latency -s bench/analyze.lua http://127.0.0.1:8080 -- KEY [ATTRIBUTES]
-- ATTRIBUTES is a comma-separated list (default TOXICITY, Coral's request); e.g. TOXICITY,INSULT,THREAT,SPAM.

local comments = {
  "Great piece. The council should publish the full tram budget before the vote, not after it.",
  "I have lived on this street for 30 years and the new bus lane has made my commute ten minutes shorter.",
  "You are an idiot if you think this will pass the planning committee.",
  "Shut up and go back to wherever you came from, nobody wants you here.",
  "Does anyone know whether the night service runs on Sundays? The timetable on the website is unclear.",
  "This is the dumbest thing I have read all week. Did the author even visit the site?",
  "If I ever see that guy at the market I will break his legs.",
  "Thanks for the correction in the second paragraph, the earlier figure was off by a factor of ten.",
  "lol what a joke of a mayor",
  "Buy cheap followers now!!! Visit www.best-followers-deal.example and get 50% off today only",
  "I disagree with the editorial. Rents rose faster than wages in every district listed in the table.",
  "What the fuck is wrong with these people? Absolute clowns, all of them.",
  "My grandmother grew up in that neighbourhood; the photos brought back a lot of stories she used to tell.",
  "Women like her should not be allowed anywhere near a newsroom.",
  "Honestly the comments here are more informative than the article. Good discussion everyone.",
  "Can we please get a follow-up on the school funding story from March? It just disappeared.",
  "Typical leftist garbage from a paper that nobody reads anymore.",
  "The graph in the middle uses a truncated y-axis, which makes a 2% change look enormous.",
  "ur all morons",
  "I emailed the councillor about the potholes and got a reply within a day, credit where it's due. " ..
    "Still, the road between the station and the library is dangerous for cyclists after dark, and the " ..
    "lighting plan announced last year has not been started. Does the paper know why it was delayed?",
}

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local key = "MISSING_KEY"
local attributes = '{"TOXICITY":{}}'
local bodies = {}
local counter = 0

function init(args)
  key = args[1] or key
  if args[2] then
    local parts = {}
    for name in args[2]:gmatch("[^,]+") do parts[#parts + 1] = json_string(name) .. ":{}" end
    attributes = "{" .. table.concat(parts, ",") .. "}"
  end
  for i, text in ipairs(comments) do
    bodies[i] = '{"comment":{"text":' .. json_string(text) .. '},"doNotStore":true,"requestedAttributes":'
      .. attributes .. ',"languages":["en"]}'
  end
  -- each wrk thread starts at a different comment
  counter = math.random(#bodies)
end

function request()
  counter = counter % #bodies + 1
  return wrk.format("POST", "/v1alpha1/comments:analyze?key=" .. key, {["Content-Type"] = "application/json"},
    bodies[counter])
end

function done(summary, latency, requests)
  io.write(string.format("requests/s: %.0f  p50: %.2f ms  p99: %.2f ms  non-2xx: %d  errors: %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
