-- Posts survey answers as the site's form does (urlencoded), each as if from another parent's phone behind the
-- trusted proxy (X-Forwarded-For), counts 201s per thread, and prints one JSON line of figures when the run ends.
-- Arguments after `--`: the path and the survey slug.
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end

function init(args)
  path = args[1]
  survey = args[2]
  accepted = 0
  refused = 0
  counter = 0
end

function request()
  counter = counter + 1
  local score = (counter % 5) + 1
  local body = string.format("survey=%s&q1=%d&q2=%d&q3=4&q4=5&q5=%d&comment=%%E5%%BE%%88%%E5%%A5%%BD", survey, score, 6 - score, score)
  -- One address per 50 answers: about 40 parents' phones per thread per second, none near the per-client limit.
  local client = string.format("10.%d.%d.%d", thread_id, math.floor(counter / 50 / 250) % 250, math.floor(counter / 50) % 250)
  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "application/json", ["X-Forwarded-For"] = client }
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if status == 201 then accepted = accepted + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local total_accepted, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_accepted = total_accepted + thread:get("accepted")
    total_refused = total_refused + thread:get("refused")
  end
  local e = summary.errors
  io.write(string.format(
    '\nWRK_JSON {"requests":%d,"accepted":%d,"refused":%d,"durationUs":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, total_accepted, total_refused, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
