-- runtime.md §5.3: without --strict the allocation succeeds; at the next safe
-- point a full collection runs and, still over, W-HEAP is printed once per boot.
-- args: --heap 20000
-- stderr: ^nodemcu-host: warning: W-HEAP: heap budget exceeded after a full collection: \d+ bytes used of 20000 \(high-water \d+\)
-- stderr: N-SUMMARY: 1 warnings \(W-HEAP x1\); heap high-water \d+ of 20000$
-- no-stderr: (?s)W-HEAP.*W-HEAP.*N-SUMMARY
big = {}
for i = 1, 10000 do big[i] = i end
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() big[#big + 1] = "more" end)
