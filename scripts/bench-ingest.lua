-- wrk script of `fengchao bench ingest`: unique generic-webhook messages from 50 senders in one
-- group, the same for fengchao and the baseline. BENCH_RUN makes ids unique across runs.
local prefix = os.getenv("BENCH_RUN") or "run"
local senders = tonumber(os.getenv("BENCH_SENDERS") or "50")
local group = os.getenv("BENCH_GROUP") or "riders-1"
local count = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function request()
  count = count + 1
  local sender = count % senders
  local body = string.format(
    '{"message_id":"%s-%d-%d","group_id":"%s","sender":{"id":"bench-%d","name":"骑手%d"},"text":"龙西小区%d栋窨井盖破损"}',
    prefix, tid, count, group, sender, sender, count % 30 + 1)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d socket_errors=%d non2xx=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
