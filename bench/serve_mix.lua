-- The 15 URLs of bench/serve's soak (API and pages, over the ledger of all 16 demo snapshots);
-- each request picks one at random. bench/serve reads the list below (one quoted URL a line).
local urls = {
  "/api/summary",
  "/api/summary?snapshot=1",
  "/api/snapshots",
  "/api/snapshots?format=csv",
  "/api/claims",
  "/api/claims?q=services&sort=claimed&per_page=50",
  "/api/claims?verdict=unverified&sort=gap&page=2",
  "/api/claims/contract%3A7012%3A70CMSD22A00000008",
  "/api/diff?from=1&to=2",
  "/api/diff?from=15&to=latest&format=csv",
  "/",
  "/claims?q=services",
  "/claims/contract%3A7012%3A70CMSD22A00000008",
  "/diff?from=1&to=2",
  "/assets/app.css",
}

local requests = {}
for i, url in ipairs(urls) do requests[i] = wrk.format("GET", url) end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

function request()
  return requests[math.random(1, #requests)]
end
