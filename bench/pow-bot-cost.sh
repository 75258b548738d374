#!/usr/bin/env bash
# A bot's cost for Parley's proof of work: CPU seconds per 1,000 comments at a difficulty (default: the site default).
#   bench/pow-bot-cost.sh [posts=1000] [difficulty]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp-test.txt -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/cp-test.txt)" \
  parley.defence.bench.BotCost "${1:-1000}" ${2:+"$2"}
