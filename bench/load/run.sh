#!/bin/sh
# Issue 9's load figures in one table: signed slash commands at rising concurrency against the packaged app beside a
# bare endpoint of the same app (p50/p99 ack latency, throughput), its cold start and resident memory (idle and peak),
# then 10,000 timers' lateness on one and two instances. About 25 minutes; run it on a machine doing nothing else.
# Options (environment): CLIENTS=1,10,50,200 SECONDS_PER_PHASE=15; the timers' run takes -D options as arguments.
set -eu
cd "$(dirname "$0")/../.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start_load=$(cut -d' ' -f1-3 /proc/loadavg)

CLIENTS=${CLIENTS:-1,10,50,200} bench/memory/run.sh > "$out/memory.log" 2>&1 || { cat "$out/memory.log"; exit 1; }
bench/timers/run.sh "$@" > "$out/timers.log" 2>&1 || { cat "$out/timers.log"; exit 1; }

echo "==== Load benchmark, $(date -u +%Y-%m-%d) at $(git rev-parse --short HEAD), $(nproc) cores, load average at the start $start_load, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| measure | figure |"
echo "|---|---|"
# The ack benchmark's rows: | clients | request | p50 | p99 | p99 / bare p99 | acks/s | errors + 503s | work/s |
grep -E '^\| [0-9]+ \|' "$out/memory.log" | awk -F' *\\| *' '{
  ratio = ($3 ~ /^bare/) ? "" : " (" $6 " bare p99)"
  printf "| %s %s, %s | p50 %s, p99 %s%s, %s/s, errors + 503s %s |\n", $2, ($2 == 1 ? "client" : "clients"), $3, $4, $5, ratio, $7, $8 }'
sed -n 's/^==== Slack ack benchmark: cold start \([0-9.]* s\).*/| cold start (the embedded PostgreSQL included) | \1 |/p' "$out/memory.log"
sed -n 's/^idle: after \([0-9]*\) s, RSS \(.*\)/| resident memory, idle \1 s after start | \2 |/p' "$out/memory.log"
sed -n 's/^under load: peak RSS \(.*\)/| resident memory, peak under the ack benchmark | \1 |/p' "$out/memory.log"
# The timers' rows: instances | scheduled in | fired | missed | duplicates | lateness p50 | p99 | max | ...
timers=$(sed -n 's/^==== Timer benchmark: \([0-9]*\) timers.*/\1/p' "$out/timers.log")
grep -E '^[12] \| ' "$out/timers.log" | awk -F' *\\| *' -v n="$timers" '{
  printf "| %s timers due within a minute, %s %s | lateness p50 %s, p99 %s, max %s; fired %s, missed %s, duplicates %s |\n", n, $1, ($1 == 1 ? "instance" : "instances"), $6, $7, $8, $3, $4, $5 }'
