#!/usr/bin/env bash
# Issue 14 benchmark (not a test): 1,000,000 Disqus posts in shuffled order (most replies before their parents)
# imported into SQLite and into PostgreSQL. The generated file (~550 MB) is written to $DIR, never committed.
#   bench/import-shuffled.sh [posts] [sqlite|postgresql|both]
# Needs the classes built (./mvnw -q compile) and the class path in cp.txt
# (./mvnw -q dependency:build-classpath -Dmdep.outputFile=cp.txt), or set PARLEY to a command (e.g. ./parley).
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${1:-1000000}
WHICH=${2:-both}
DIR=${DIR:-/tmp/parley-import-bench}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
PARLEY=${PARLEY:-"$JAVA --enable-native-access=ALL-UNNAMED -cp ${CLASSES:-target/classes}:$(cat cp.txt 2>/dev/null) parley.cli.Parley"}
PG=${PG:-jdbc:postgresql://127.0.0.1:5432}
mkdir -p "$DIR"
FILE="$DIR/shuffled-$POSTS.xml"
[ -f "$FILE" ] || $PARLEY generate disqus --threads 20000 --posts "$POSTS" --shuffle --out "$FILE"

run() {
  echo "== $1 (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  shift
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M kB" "$@" 2>&1 | grep -v '%  \|^$' || true
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

if [ "$WHICH" != postgresql ]; then
  rm -rf "$DIR/sqlite"
  run "SQLite" $PARLEY import disqus "$FILE" --site bench --data-dir "$DIR/sqlite"
fi
if [ "$WHICH" != sqlite ]; then
  psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS parley_import_bench' -c 'CREATE DATABASE parley_import_bench'
  run "PostgreSQL" $PARLEY import disqus "$FILE" --site bench --database-url "$PG/parley_import_bench?user=postgres"
fi
