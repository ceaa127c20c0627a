-- wrk script for TicketHub figures: GET <prefix><value>, rotating over the lines of a file (URL-encoded; a line that
-- starts with "/" is a whole path and query, sent as it is), with an optional bearer token and an optional cookie;
-- writes a JSON summary to $WRK_JSON when done.
--   wrk -t2 -c64 -d10s --latency -s bench/rotate.lua http://127.0.0.1:PORT -- <prefix> <values-file|-> <token-file|-> [cookie-file]
-- Each wrk thread starts at a different place in the list so that the threads do not walk in step. Every request says
-- it came through a TLS-terminating proxy (X-Forwarded-Proto: https), as production traffic does: outside Development
-- the app's cookies are Secure and its forms need HTTPS.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function read_lines(path)
  local lines = {}
  if path == nil or path == "-" then return lines end
  for line in io.lines(path) do
    if #line > 0 then table.insert(lines, line) end
  end
  return lines
end

local paths, headers, next_index = {}, {}, 1
fivexx, non2xx = 0, 0

function init(args)
  local prefix = args[1] or "/"
  for _, value in ipairs(read_lines(args[2])) do
    if value:sub(1, 1) == "/" then table.insert(paths, value) else table.insert(paths, prefix .. urlencode(value)) end
  end
  if #paths == 0 then paths = { prefix } end
  local token = read_lines(args[3])[1]
  if token then headers["Authorization"] = "Bearer " .. token end
  local cookie = read_lines(args[4])[1]
  if cookie then headers["Cookie"] = cookie end
  headers["X-Forwarded-Proto"] = "https"
  next_index = ((thread_index or 1) - 1) * math.floor(#paths / 2) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path, headers)
end

function response(status, _, _)
  if status >= 500 then fivexx = fivexx + 1 end
  if status < 200 or status > 299 then non2xx = non2xx + 1 end   -- a redirect is no page either
end

function done(summary, latency, _)
  local five, bad = 0, 0
  for _, t in ipairs(threads) do
    five = five + (t:get("fivexx") or 0)
    bad = bad + (t:get("non2xx") or 0)
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local json = string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50Ms":%.3f,"p99Ms":%.3f,"maxMs":%.3f,"bytes":%d,' ..
    '"non2xx":%d,"errors5xx":%d,"socketErrors":%d}',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.bytes, bad, five, e.connect + e.read + e.write + e.timeout)
  local path = os.getenv("WRK_JSON")
  if path and #path > 0 then
    local f = assert(io.open(path, "w"))
    f:write(json, "\n")
    f:close()
  end
  io.write("JSON ", json, "\n")
end
