#!/bin/sh
# Makes the class-data-sharing (AppCDS) archive of one tool jar, MODULE.jsa next to the jar
# that bin/.launcher runs (PREFIX/lib/cdbkit/MODULE.jar when installed, else
# MODULE/target/MODULE.jar), with the `java` on PATH, the one the launcher will run:
#
#   bin/.cds cdbmake-cli      (mvn package runs it for each tool jar; install.sh too)
#
# It runs the module's common tools through the launcher on tiny inputs of its own, each
# writing the classes it loaded (-XX:DumpLoadedClassList), and dumps one static archive of
# them all (-Xshare:dump), with the launcher's options. The launcher then maps those classes
# instead of reading, verifying and linking them at every start. The archive holds for this
# jar, at this path, as it is now, and for this JVM: the JVM itself drops an archive that does
# not match (bin/.launcher makes sure silently). MODULE.jsa.made, written last, says what the
# launcher checks before it passes the archive on: its length (Java 17 crashes on a truncated
# archive instead of dropping it) and the java that made it, as PATH names it (a JVM given
# another's archive drops it, and its own default one with it: slower than none).
# CDBKIT_USER_PATH: the PATH the tools will run with, when this runs with another (Maven).
set -eu
if [ $# -ne 1 ]; then
  echo "usage: $0 MODULE" >&2
  exit 100
fi
module=$1
bin=$(dirname "$(readlink -f "$0")")
root=$(dirname "$bin")
jar=$root/$module.jar
[ -f "$jar" ] || jar=$root/$module/target/$module.jar
if [ ! -f "$jar" ]; then
  echo "cds: fatal: $jar is missing" >&2
  exit 111
fi
# The old archive goes first: the training runs below must load every class from the jar.
archive=${jar%.jar}.jsa
rm -f "$archive.made" "$archive"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
# run LIST TOOL ARGS...: the tool as bin/TOOL runs it, its classes listed in LIST.classes
run() {
  list=$1
  tool=$2
  shift 2
  CDBKIT_JAVA_OPTS="-XX:DumpLoadedClassList=$tmp/$list.classes" "$bin/.launcher" "$tool" "$tool" "$@" >/dev/null
}
case $module in
  cdbmake-cli)
    printf '+3,5:one->Hello\n+3,7:two->Goodbye\n\n' > in
    run make cdbmake t.cdb t.tmp < in
    run get cdbget two < t.cdb
    run dump cdbdump < t.cdb
    run stats cdbstats < t.cdb
    run test cdbtest < t.cdb
    printf 'one Hello\n' | run make12 cdbmake-12 t12.cdb t12.tmp
    # the cdb64 tools run the same commands through their Cdb64 classes and the 64-bit readers
    run make64 cdb64make t.cdb64 t64.tmp < in
    run get64 cdb64get two < t.cdb64
    run dump64 cdb64dump < t.cdb64
    ;;
  tcprules-cli)
    printf '10.0.0.:allow,RELAYCLIENT=""\n1.2.3.4-7:deny\n:allow\n' > rules
    run rules tcprules r.cdb r.tmp < rules
    TCPREMOTEIP=10.0.0.7 run check tcprulescheck r.cdb
    run dump tcprulesdump < r.cdb
    run lint tcpruleslint rules
    ;;
  *)
    echo "cds: fatal: no training runs for $module" >&2
    exit 100
    ;;
esac
# One list of them all: each class once, without the per-list "id: N" that newer JDKs write
# (Java 25 refuses a list in which an id comes twice; Java 17 writes ids too and accepts it);
# the @ lines (resolved constants, lambda forms) once each. Every class here comes from the
# boot or the application class path, which name it alone.
awk '/^#/ { next }
     /^@/ { if (!seen[$0]++) print; next }
     !($1 in listed) { listed[$1] = 1; print $1 }' ./*.classes > all.classes
# Dumped under the JVM's default collector (G1 on any machine of two cores or more): Java 17
# archives heap objects, the module graph among them, only from G1 and maps them only into G1,
# which the launcher gives the single-lookup tools (tiny in bin/.tools); the others, under the
# serial collector, map the archive's classes alone. Nor is the package opened to the tools
# that name files passed here: dumped without it, the archive holds the module graph, which
# tools started without it map.
if ! java -Xshare:dump -XX:SharedClassListFile=all.classes -XX:SharedArchiveFile="$tmp/new.jsa" \
    -XX:-UsePerfData -cp "$jar" > dump.log 2>&1; then
  cat dump.log >&2
  echo "cds: fatal: java -Xshare:dump failed for $jar" >&2
  exit 111
fi
size=$(wc -c < new.jsa)
java=$(command -v java)
real=$(readlink -f "$java")
{
  echo "$size"
  echo "$java"
  echo "$real"
  if [ -n "${CDBKIT_USER_PATH:-}" ]; then
    user=$(PATH=$CDBKIT_USER_PATH command -v java || true)
    if [ -n "$user" ] && [ "$(readlink -f "$user")" = "$real" ]; then echo "$user"; fi
  fi
} > made
# whole or not at all: each copied beside the jar under another name, then renamed; the
# archive first, so that a tool starting now finds no .made or the one that fits
cp new.jsa "$archive.new"
mv -f "$archive.new" "$archive"
cp made "$archive.made.new"
mv -f "$archive.made.new" "$archive.made"
