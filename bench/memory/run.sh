#!/bin/sh
# Resident memory (RSS) of the packaged app: idle after start, then at its peak under the Slack ack benchmark's load.
# Run from the repository root after `./mvnw package -DskipTests`. Extra JVM options for the app: APP_JAVA_OPTS, e.g.
# Clients of the ack benchmark: CLIENTS=50 (default), or levels such as CLIENTS=1,10,50,200.
#   APP_JAVA_OPTS="-XX:MaxRAM=768m -XX:MaxRAMPercentage=60 -XX:NativeMemoryTracking=summary" bench/memory/run.sh
# (-XX:MaxRAM stands in for a container's memory limit; with NativeMemoryTracking the JVM's own account of heap,
# metaspace, code, threads and GC is printed at idle and at the peak, read with jcmd).
# The embedded PostgreSQL runs in processes of its own and is not counted (production uses an external database).
set -eu
IDLE_SECONDS=${IDLE_SECONDS:-30}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# 0 once the process is gone (an ended process has no VmRSS line while it waits to be reaped).
rss_kib() { r=$(awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || true); echo "${r:-0}"; }
tracking() { case "${APP_JAVA_OPTS:-}" in *NativeMemoryTracking*) return 0;; *) return 1;; esac; }
# The committed figures of the JVM's main areas, one line (MiB).
nmt() {
  jcmd "$1" VM.native_memory summary scale=MB 2>/dev/null | awk '
    /^Total:/ {sub(/.*committed=/, ""); total=$1}
    /^-/ {name=$2; for (i=3; i<=NF && $i !~ /\(/; i++) name=name " " $i; c=$0; sub(/.*committed=/, "", c); sub(/[^0-9].*/, "", c);
          if (name ~ /Java Heap|Class|Thread|Code|GC|Metaspace|Internal|Other|Symbol|Compiler|Arena|Shared/ && c+0 >= 5) printf "%s %s, ", name, c "MB"}
    END {print "total " total}'
}

# Idle: start the jar on a fresh data folder, wait until it answers, let it settle, read its RSS.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
WARROOM_DATA_DIR="$out/data" PORT=$port WARROOM_LOG_JSON=false \
  java ${APP_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$out/idle.log" 2>&1 &
app=$!
until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 1; done
echo "idle: ready, RSS $(($(rss_kib $app) / 1024)) MiB"
sleep "$IDLE_SECONDS"
echo "idle: after ${IDLE_SECONDS} s, RSS $(($(rss_kib $app) / 1024)) MiB"
if tracking; then echo "idle: JVM committed: $(nmt $app)"; fi
kill -TERM $app; wait $app || true

# Under load: the Slack ack benchmark starts its own app; sample that app's RSS every second while it runs.
java -DappJavaOpts="${APP_JAVA_OPTS:-}" -Dseconds="${SECONDS_PER_PHASE:-15}" -Dwarmup=15 -Dclients="${CLIENTS:-50}" \
  bench/slack-ack/SlackAckBench.java >"$out/bench.log" 2>&1 &
bench=$!
pid=""
while [ -z "$pid" ] && kill -0 $bench 2>/dev/null; do
  pid=$(sed -n 's/.*(pid \([0-9]*\),.*/\1/p' "$out/bench.log" | head -1); sleep 1
done
peak=0
at_peak=""
last_nmt=0
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
  now=$(rss_kib "$pid")
  if [ "$now" -gt "$peak" ]; then
    peak=$now
    # jcmd costs CPU: at most every 5 s, and only while the peak grows.
    if tracking && [ $(($(date +%s) - last_nmt)) -ge 5 ]; then
      at_peak=$(nmt "$pid" || true); last_nmt=$(date +%s)
    fi
  fi
  sleep 1
done
wait $bench || true
grep -E '^\||^====' "$out/bench.log" || tail -20 "$out/bench.log"
echo "under load: peak RSS $((peak / 1024)) MiB"
if tracking; then echo "under load: JVM committed near the peak: $at_peak"; fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
