#!/usr/bin/env bash
# Builds the self-contained distribution target/parley-<version>-linux-x64.tar.gz from target/parley.jar:
# a jlink'ed Java runtime holding only the modules Parley uses, the fat jar, bin/parley, the systemd unit and docs.
# Run through `./parley dist` (which builds the jar first and sets JAVA_HOME to a JDK >= 21).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?JAVA_HOME must name a JDK (./parley dist sets it)}"

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
name="parley-$version-linux-x64"
out=target/dist/$name
tarball=target/$name.tar.gz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# jdeps reads the fat jar as one automatic module (it inherits a library's Automatic-Module-Name) and then reports
# java.base alone; unpacked classes are read as the class path they are.
echo "dist: finding the Java modules Parley needs (jdeps)..." >&2
mkdir "$work/classes"
(cd "$work/classes" && "$JAVA_HOME/bin/jar" xf "$OLDPWD/target/parley.jar")
modules=$("$JAVA_HOME/bin/jdeps" -q --ignore-missing-deps --multi-release 21 --print-module-deps "$work/classes")
# found at run time through service loaders or by name, which jdeps cannot see: Jetty serves the static files inside
# the jar through the zip file system (jdk.zipfs); Micrometer's process metrics read com.sun.management
# (jdk.management); imports in older encodings (Shift_JIS, Big5, KOI8-R...) need jdk.charsets
modules=$(echo "$modules,jdk.zipfs,jdk.management,jdk.charsets" | tr ',' '\n' | sort -u | paste -sd, -)
echo "dist: modules: $modules" >&2

rm -rf "$out" "$tarball"
mkdir -p "$out/bin" "$out/lib" "$out/systemd"
echo "dist: linking the runtime (jlink)..." >&2
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive

cp target/parley.jar dist/jvm.options "$out/lib/"
cp dist/bin/parley "$out/bin/"
cp dist/parley.service dist/parley.env "$out/systemd/"
cp dist/README.md "$out/README.md"
cp docs/operations.md "$out/OPERATIONS.md"
cp docs/grafana-parley.json "$out/"
if [ -f LICENSE ]; then cp LICENSE "$out/LICENSE"; fi
cat > "$out/THIRD-PARTY.txt" <<TXT
The bundled Java runtime (runtime/) is OpenJDK $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.runtime.version = //p'), under the GNU GPL v2 with the Classpath Exception; the notices of
each of its modules are in runtime/legal/. lib/parley.jar holds Parley and its libraries, each under its own license
(see the META-INF/ entries inside the jar).
TXT

# An AOT cache (JDK 24+, JEP 483/515) of the classes and method profiles that a start-up and a first comment use,
# recorded by a training run of the distribution itself: cold start to first answer roughly halves. bin/parley uses
# it when present; the JVM maps it wherever the directory is unpacked.
echo "dist: recording the AOT cache (a training run of parley serve)..." >&2
# env -i: none of the builder's PARLEY_* settings (a database URL, JSON logs) may reach the training run
env -i PATH=/usr/bin:/bin dist/aot-train.sh "$out/lib/parley.aot" "$out/bin/parley"

echo "dist: packing $tarball..." >&2
tar -C target/dist -czf "$tarball" --owner=0 --group=0 "$name"
echo "dist: $tarball ($(du -h "$tarball" | cut -f1); unpacked $(du -sh "$out" | cut -f1), runtime $(du -sh "$out/runtime" | cut -f1))" >&2
echo "$tarball"
