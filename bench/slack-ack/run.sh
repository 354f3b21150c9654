#!/usr/bin/env sh
# Slack ack benchmark: builds the jar if it is missing, then runs bench/slack-ack/SlackAckBench.java.
# Extra arguments go to the JVM running the benchmark, e.g. -Dseconds=30 -Dclients=50 -DkeepLog=true
set -eu
cd "$(dirname "$0")/../.."
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q package -DskipTests
fi
exec java "$@" bench/slack-ack/SlackAckBench.java
