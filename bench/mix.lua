-- wrk script for bench/soak: every kind of request the site answers, in turn, on each connection;
-- at the end, one line per status with its count, over all threads.

local requests = {
  {"/", "text/html"},
  {"/index", "text/html"},
  {"/doc/id/lawrence-wilkerson", "text/html"},
  {"/doc/id/lawrence-wilkerson", "text/turtle"},
  {"/id/lawrence-wilkerson", "application/ld+json"},
  {"/api/channels?format=json", "application/json"},
  {"/api/timeline?format=csv", "text/csv"},
  {"/kb/sparql?query=SELECT%20%3Fl%20WHERE%20%7B%20%3Chttps%3A%2F%2Fw3id.org%2Fgrand-bargain%2Fid%2Flawrence-wilkerson%3E%20%3Chttp%3A%2F%2Fwww.w3.org%2F2000%2F01%2Frdf-schema%23label%3E%20%3Fl%20%7D", "application/sparql-results+json"},
  {"/kb/sparql?query=DESCRIBE%20%3Chttps%3A%2F%2Fw3id.org%2Fgrand-bargain%2Fid%2Flawrence-wilkerson%3E", "text/turtle"},
  {"/kb/sparql", "text/turtle"},
  {"/kb/data?graph=https%3A%2F%2Fw3id.org%2Fgrand-bargain%2Fgraph%2Fshared", "text/turtle"},
  {"/dataset", "text/turtle"},
  {"/ontology", "text/turtle"},
  {"/download/latest/dumps/grand-bargain.ttl", "text/turtle"},
  {"/id/no-such-thing", "text/turtle"},
}

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  i = 0
end

function request()
  i = i % #requests + 1
  local r = requests[i]
  return wrk.format("GET", r[1], {["Accept"] = r[2]})
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("SOAK status=%d count=%d\n", status, n))
  end
  local e = summary.errors
  io.write(string.format(
    "SOAK requests=%d seconds=%.1f p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout))
end
