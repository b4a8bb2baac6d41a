-- wrk script for bench/http/run.sh: the request to send (from the environment) and, at the end,
-- one line of figures as JSON, prefixed WRK_JSON, for run.sh to collect.
--
--   WRK_METHOD     such as PUT (default: GET)
--   WRK_BODY_FILE  a file whose bytes are the body, sent as application/json

local method = os.getenv("WRK_METHOD")
local body_file = os.getenv("WRK_BODY_FILE")
if method and method ~= "" then
  wrk.method = method
end
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"status_errors":%d,"connect":%d,"read":%d,' ..
    '"write":%d,"timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
