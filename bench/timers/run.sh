#!/bin/sh
# Timer benchmark: 10,000 timers due within one minute, one Quartz instance then two on the same database.
# Runs inside the test harness (embedded PostgreSQL, the app's Quartz configuration); prints a table at the end.
# Options: -Dbench.timers=10000 -Dbench.lead-seconds=40
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -o test -Dtest=TimerBench -Dsurefire.failIfNoSpecifiedTests=false "$@" | tee target/timer-bench.log \
  | grep -E -A3 '^==== Timer benchmark|^WARNING: scheduling'
