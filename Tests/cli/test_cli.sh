#!/usr/bin/env bash
# The `parley` CLI as a user drives it: version, process from a file and from stdin, a file
# store across runs, bad lines and bad configuration. Prints "N passed, N failed".
set -uo pipefail
parley=$1
root=$2
conversation=$root/Examples/conversation.jsonl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { # check NAME CONDITION-COMMAND...
    local name=$1; shift
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}

header_version=$(awk '/#define PARLEY_VERSION_(MAJOR|MINOR|PATCH) /{printf "%s%s", sep, $3; sep="."}' "$root/include/parley.h")
check "version matches the header" test "$("$parley" version)" = "$header_version"

lines=$(grep -c . "$conversation")
"$parley" process "$conversation" >"$work/out.jsonl" 2>"$work/err.txt"
check "process exits 0" test $? -eq 0
check "one context per message" test "$(grep -c '"schema":1' "$work/out.jsonl")" -eq "$lines"
check "summary on stderr" grep -q "processed" "$work/err.txt"
check "entities found" grep -q '"type":"money"' "$work/out.jsonl"

"$parley" process - <"$conversation" >"$work/stdin.jsonl" 2>/dev/null
check "stdin gives the same count" test "$(grep -c '"schema":1' "$work/stdin.jsonl")" -eq "$lines"

printf '{"store": {"path": "%s/p.db"}, "region": "RW"}' "$work" >"$work/config.json"
"$parley" process --config "$work/config.json" "$conversation" >/dev/null 2>&1
"$parley" process --config "$work/config.json" "$conversation" >"$work/again.jsonl" 2>/dev/null
check "a second run over the same store finds only duplicates" \
    test "$(grep -c '"status":"duplicate"' "$work/again.jsonl")" -eq "$lines"

"$parley" threads list --config "$work/config.json" --limit 1000 >"$work/threads.json"
check "threads list names each chat's threads" python3 -c "
import json, sys
threads = json.load(open('$work/threads.json'))['threads']
sys.exit(0 if len(threads) >= 5 and all(t['messageCount'] >= 1 for t in threads) else 1)"
first_thread=$(python3 -c "import json; print(json.load(open('$work/threads.json'))['threads'][0]['id'])")
"$parley" threads get --config "$work/config.json" "$first_thread" >"$work/thread.json"
check "threads get returns the thread's messages" grep -q '"messages":\[{"schema":1' "$work/thread.json"
"$parley" threads get --config "$work/config.json" "no-such-thread" >/dev/null 2>&1
check "an unknown thread fails" test $? -ne 0
"$parley" threads messages --config "$work/config.json" --offset 0 --limit 1 "$first_thread" >"$work/page.json"
check "threads messages gives a page of the thread" python3 -c "
import json, sys
page, whole = json.load(open('$work/page.json')), json.load(open('$work/thread.json'))['thread']
sys.exit(0 if page['messages'] == whole['messages'][:1] and (page.get('nextOffset') == 1) == (len(whole['messages']) > 1) else 1)"

# The dead-letter queue: fail a processed message until it is dead on a fake clock, retry it
# by hand, resolve and purge it.
first_chat=$(head -n 1 "$work/again.jsonl" | python3 -c "import json, sys; print(json.load(sys.stdin)['message']['chat'])")
first_id=$(head -n 1 "$work/again.jsonl" | python3 -c "import json, sys; print(json.load(sys.stdin)['message']['id'])")
printf '{"store": {"path": "%s/p.db"}, "region": "RW", "retries": {"attempts": 2, "jitter": 0, "firstDelaySeconds": 60}}' "$work" >"$work/dlq.json"
"$parley" dlq fail --config "$work/dlq.json" --error '{"status": "sheets_down", "message": "HTTP 503"}' --now 1000000 "$first_chat" "$first_id" >"$work/fail.json"
check "dlq fail schedules the next attempt" grep -q '"state":"failed","attempts":1,"nextAttemptAt":1060000' "$work/fail.json"
"$parley" dlq run --config "$work/dlq.json" --now 1059999 >"$work/run-early.json"
check "dlq run before the time retries nothing" grep -q '"retried":\[\]' "$work/run-early.json"
"$parley" dlq run --config "$work/dlq.json" --now 1060000 >"$work/run.json"
check "dlq run at the time hands back the fresh context" grep -q "\"id\":\"$first_id\",\"attempt\":2,\"context\":{\"schema\":1,\"status\":\"processed\"" "$work/run.json"
"$parley" dlq fail --config "$work/dlq.json" --error "still down" --now 1070000 "$first_chat" "$first_id" >"$work/fail2.json"
check "the last attempt's failure makes it dead" grep -q '"state":"dead","attempts":2}' "$work/fail2.json"
"$parley" dlq list --config "$work/dlq.json" --state dead >"$work/dead.json"
check "dlq list shows it with both errors" python3 -c "
import json, sys
m = json.load(open('$work/dead.json'))['messages']
sys.exit(0 if len(m) == 1 and [e['message'] for e in m[0]['errors']] == ['HTTP 503', 'still down'] and m[0]['errors'][0]['status'] == 'sheets_down' else 1)"
"$parley" dlq show --config "$work/dlq.json" "$first_chat" "$first_id" >"$work/show.json"
check "dlq show names its state" grep -q '"state":"dead"' "$work/show.json"
"$parley" dlq retry --config "$work/dlq.json" "$first_chat" "$first_id" >"$work/retry.json"
check "dlq retry processes a dead one again" grep -q '"attempt":3' "$work/retry.json"
"$parley" dlq fail --config "$work/dlq.json" "$first_chat" "$first_id" >/dev/null
"$parley" dlq resolve --config "$work/dlq.json" "$first_chat" "$first_id" >"$work/resolve.json"
check "dlq resolve" grep -q '"state":"resolved"' "$work/resolve.json"
"$parley" dlq purge --config "$work/dlq.json" --state resolved >"$work/purge.json"
check "dlq purge deletes it" grep -q '"purged":1' "$work/purge.json"
"$parley" dlq show --config "$work/dlq.json" "$first_chat" "$first_id" >/dev/null 2>"$work/gone.txt"
check "a purged message is not found" grep -q PARLEY_NOT_FOUND "$work/gone.txt"
"$parley" dlq list --config "$work/dlq.json" --state processed >/dev/null 2>"$work/badstate.txt"
check "dlq list refuses another state" grep -q PARLEY_INVALID_ARGUMENT "$work/badstate.txt"

webhook=$root/Examples/webhook.json
"$parley" webhook "$webhook" >"$work/webhook.json"
check "webhook gives one context per usable message and names the rejected one" python3 -c "
import json, sys
r = json.load(open('$work/webhook.json'))
sys.exit(0 if len(r['contexts']) == 13 and [x['id'] for x in r['rejected']] == ['wamid.UNSUPPORTED01'] else 1)"
echo '{"webhook": {"appSecret": "s3cret"}}' >"$work/secret.json"
signature=$(python3 -c "import hmac, hashlib; print('sha256=' + hmac.new(b's3cret', open('$webhook', 'rb').read(), hashlib.sha256).hexdigest())")
"$parley" webhook --config "$work/secret.json" --signature "$signature" - <"$webhook" >/dev/null
check "a signed webhook from stdin is accepted" test $? -eq 0
"$parley" webhook --config "$work/secret.json" --signature "sha256=00" "$webhook" >/dev/null 2>"$work/badsig.txt"
check "a wrong signature is refused with its status" grep -q PARLEY_BAD_SIGNATURE "$work/badsig.txt"

# Retention: the example conversation's messages are from November 2025; measured from 2100 they are all
# past 30 days and move to the archive, whose rows match the store's; a second run finds nothing.
printf '{"store": {"path": "%s/r.db"}, "retention": {"days": 30, "archive": "%s/archive.db"}}' "$work" "$work" >"$work/retention.json"
"$parley" process --config "$work/retention.json" "$conversation" >"$work/retained.jsonl" 2>/dev/null
stored=$(python3 -c "import sqlite3; print(sqlite3.connect('$work/r.db').execute('SELECT count(*) FROM messages').fetchone()[0])")
"$parley" maintain --config "$work/retention.json" >"$work/maintain_now.json"
check "maintain now keeps the recently received messages" python3 -c "
import json, sys
r = json.load(open('$work/maintain_now.json'))
sys.exit(0 if r['archived'] == 0 and r['deleted'] == 0 and r['autoVacuum'] == 'incremental' else 1)"
"$parley" maintain --config "$work/retention.json" --now 4102444800000 >"$work/maintain.json"
check "maintain archives every message past the retention" python3 -c "
import json, sqlite3, sys
r = json.load(open('$work/maintain.json'))
archived = sqlite3.connect('$work/archive.db').execute('SELECT count(*) FROM messages').fetchone()[0]
left = sqlite3.connect('$work/r.db').execute('SELECT count(*) FROM messages').fetchone()[0]
sys.exit(0 if r['archived'] == $stored == archived and left == 0 and r['deleted'] == 0 else 1)"
"$parley" maintain --config "$work/retention.json" --now 4102444800000 >"$work/maintain2.json"
check "a second maintain finds nothing more" grep -q '"archived":0' "$work/maintain2.json"
"$parley" process --config "$work/retention.json" "$conversation" >"$work/after.jsonl" 2>/dev/null
check "messages past the retention are forgotten: processed again" \
    test "$(grep -c '"status":"processed"' "$work/after.jsonl")" -eq "$(grep -c '"status":"processed"' "$work/retained.jsonl")"
python3 -c "import sqlite3; d = sqlite3.connect('$work/r.db'); d.execute('PRAGMA auto_vacuum = NONE'); d.execute('VACUUM')"
"$parley" maintain --config "$work/retention.json" --vacuum >"$work/vacuum.json"
check "maintain --vacuum converts a store without incremental vacuum" grep -q '"autoVacuum":"incremental"' "$work/vacuum.json"
echo '{"retention": {"days": -1}}' >"$work/badretention.json"
"$parley" maintain --config "$work/badretention.json" >/dev/null 2>"$work/badretention.txt"
check "maintain with a bad retention fails" test $? -ne 0
check "and names the key" grep -q 'retention.days' "$work/badretention.txt"

fixtures=$root/Tests/Fixtures
"$parley" bench language --count 300 --accuracy --intent-train "$fixtures/intent/snips/train.tsv" \
    --intent-test "$fixtures/intent/snips/test.tsv" --sentiment "$fixtures/sentiment/vader_amazon_excerpt.tsv" >"$work/bench.txt"
check "bench language reports the stage, process, parley_engine_process's path and process_batch" test "$(grep -c 'messages/s from one calling thread' "$work/bench.txt")" -eq 4
check "and the CPU a message of the first three" test "$(grep -c 'µs a message on all threads' "$work/bench.txt")" -eq 3
check "bench language reports intent accuracy" grep -q '^intent .*accuracy 0\.9' "$work/bench.txt"
check "bench language reports sentiment correlation" grep -q '^sentiment .*Pearson r 0\.[3-9]' "$work/bench.txt"

# bench throughput, small: sync, async with 1 and 2 workers and the 50 % load run, each chat's
# order checked by the benchmark itself (it exits non-zero on a violation).
"$parley" bench throughput --count 300 --chats 20 --max-workers 2 --json >"$work/throughput.json" 2>"$work/throughput.err"
check "bench throughput exits 0" test $? -eq 0
check "bench throughput --json: every run in order, rates, percentiles, peak RSS" python3 -c "
import json, sys
r = json.load(open('$work/throughput.json'))
runs = r['runs']
modes = [(x['mode'], x['workers']) for x in runs]
ok = modes == [('sync', 0), ('async', 1), ('async', 2), ('async-50%', modes[-1][1])] and r['ok'] is True
ok = ok and all(x['messagesPerSecond'] > 0 and x['peakRSSBytes'] > 0 and x['errors'] == 0 for x in runs)
ok = ok and all(x['latencyMicros']['p50'] <= x['latencyMicros']['p99'] <= x['latencyMicros']['max'] for x in runs)
ok = ok and all(x['orderOK'] and x['orderViolations'] == 0 and x['missing'] == 0 for x in runs[1:])
ok = ok and r['scaling']['workers'] == 2 and r['scaling']['ratio'] > 0 and 'p99Millis' in r['halfLoad']
# CPU and the store lock's share of the run: the process did work, and the lock was held
# for part of the run, never more than all of it (plus the reads around the run).
ok = ok and all(x['cpuSeconds'] > 0 and x['cpuMicrosPerMessage'] > 0 and 0 < x['storeLockBusy'] <= 1.05 for x in runs)
sys.exit(0 if ok else 1)"
"$parley" bench throughput --count 300 --chats 20 --max-workers 1 --soak 1 >"$work/soak.txt" 2>&1
check "bench throughput --soak reports RSS at start and end" grep -q '^RSS start .* MB, end .* MB.*order ok' "$work/soak.txt"

printf '%s\n{broken\n' "$(head -n 1 "$conversation")" | "$parley" process - >"$work/bad.jsonl" 2>/dev/null
check "a bad line makes the exit status 1" test $? -eq 1
check "a bad line is reported in place" grep -q '"line":2,"error":{"status":"PARLEY_MALFORMED_JSON"' "$work/bad.jsonl"
check "good lines before it still come out" grep -q '"status":"processed"' "$work/bad.jsonl"

echo '{"stroe": {}}' >"$work/typo.json"
"$parley" process --config "$work/typo.json" "$conversation" >/dev/null 2>"$work/typo.txt"
check "an unknown config key fails" test $? -ne 0
check "and says which key" grep -q 'stroe' "$work/typo.txt"

"$parley" process "$work/missing.jsonl" >/dev/null 2>&1
check "a missing input file fails" test $? -ne 0

# Metrics after processing the example conversation: counts by outcome, latency per stage, Prometheus text.
"$parley" metrics --config "$root/Examples/config.json" "$conversation" >"$work/metrics.json"
check "metrics count the example's messages by outcome" python3 -c "
import json, sys
m = json.load(open('$work/metrics.json'))
n = m['messages']
sys.exit(0 if n['processed'] + n['duplicate'] == $lines and n['duplicate'] >= 2 and m['latencyMicros']['total']['count'] == $lines else 1)"
"$parley" metrics --prometheus "$conversation" >"$work/metrics.txt"
check "metrics in Prometheus text" grep -q '^parley_messages_total{outcome="processed"}' "$work/metrics.txt"

# Media: one JSON line per file, an error line and exit 1 for a bad one; the gallery of a store.
fixtures=$root/Tests/Fixtures
"$parley" ocr --no-words "$fixtures/ocr/phototest.tif" >"$work/ocr.jsonl"
check "ocr reads the page" grep -q '12 point text' "$work/ocr.jsonl"
head -c 300 "$fixtures/ocr/phototest.tif" >"$work/cut.tif"
"$parley" ocr "$fixtures/ocr/phototest.tif" "$work/cut.tif" >"$work/ocr2.jsonl"
check "a cut image fails the run" test $? -eq 1
check "and is reported on its line" test "$(grep -c '"error":{"status":"PARLEY_BAD_MEDIA"' "$work/ocr2.jsonl")" -eq 1
"$parley" parse "$fixtures/documents/lease.pdf" "$fixtures/documents/payments.csv" >"$work/parse.jsonl"
check "parse reads a PDF and a CSV" test "$(grep -c '"format":"pdf"\|"format":"csv"' "$work/parse.jsonl")" -eq 2
"$parley" transcribe --phrases "yes|no|book a viewing" "$fixtures/voice/cards-001.wav" >"$work/voice.jsonl"
check "transcribe against phrases" grep -q '"mode":"grammar"' "$work/voice.jsonl"
printf '{"store": {"path": "%s/g.db"}, "media": {"directory": "%s"}}' "$work" "$root/Examples/media" >"$work/gallery.json"
"$parley" process --config "$work/gallery.json" "$conversation" >/dev/null 2>&1
"$parley" gallery list --config "$work/gallery.json" --text "377,500" >"$work/gallery.txt"
check "the receipt is in the gallery, found by its text" grep -q '"messageId":"false_250788123456@c.us_3EB0000041"' "$work/gallery.txt"
sha=$(python3 -c "import json; print(json.load(open('$work/gallery.txt'))['media'][0]['sha256'])")
"$parley" gallery show --config "$work/gallery.json" "$sha" >"$work/item.txt"
check "gallery show names the message" grep -q '"caption":"Here is the receipt' "$work/item.txt"

# Import: a WhatsApp export (Android example with its attachments beside it) into a file store,
# twice (the second adds nothing), quiet when piped; a truncated zip fails with its name.
export_txt="$root/Examples/whatsapp-export/WhatsApp Chat with Kacyiru Heights Tenants.txt"
printf '{"store": {"path": "%s/i.db"}, "region": "RW", "media": {"ocr": false, "voice": false, "documents": false}}' "$work" >"$work/import.json"
"$parley" import --config "$work/import.json" --time-zone Africa/Kigali "$export_txt" >"$work/import1.json" 2>"$work/import1.err"
check "import exits 0" test $? -eq 0
check "import reads every message once" python3 -c "
import json, sys
s = json.load(open('$work/import1.json'))
sys.exit(0 if (s['format'], s['messages'], s['imported'], s['systemEvents'], s['media']) == ('android', 220, 219, 10, 4) else 1)"
check "no progress bar when stderr is not a terminal" test ! -s "$work/import1.err"
"$parley" import --config "$work/import.json" "$export_txt" >"$work/import2.json" 2>/dev/null
check "a second import adds nothing" grep -q '"imported":0,"duplicates":219' "$work/import2.json"
"$parley" threads list --config "$work/import.json" --chat "Kacyiru Heights Tenants" --limit 1000 >"$work/import-threads.json"
check "the imported chat has threads" grep -q '"messageCount"' "$work/import-threads.json"
"$parley" import --chat villas --date-order mdy "$root/Tests/Fixtures/import/ios/_chat.txt" >"$work/ios.json" 2>/dev/null
check "import of the iOS layout" grep -q '"format":"ios","dateOrder":"mdy","dateOrderSource":"option"' "$work/ios.json"
head -c 2000 "$root/Tests/Fixtures/import/bomb.zip" >"$work/cut.zip"
"$parley" import "$work/cut.zip" >/dev/null 2>"$work/cut.err"
check "a truncated zip fails" test $? -ne 0
check "and its error names the file" grep -q 'PARLEY_CORRUPT: .*cut.zip' "$work/cut.err"
"$parley" import --date-order ymd "$export_txt" >/dev/null 2>&1
check "a bad --date-order is refused" test $? -ne 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
