#!/usr/bin/env bash
# Runs cdbkit side by side with the C originals on this machine and prints one table of the
# figures and their ratios (ours / C). Needs: the project built (mvn -q -DskipTests package),
# gcc, Debian's tinycdb + libcdb-dev + freecdb, ucspi-tcp unpacked in /opt/ucspi-tcp (as
# .ci/run does), python3. Scratch files go to $TMPDIR (about 1.5 GB, removed after).
#
#   benchmarks/compare.sh           full run (about 10 minutes)
#   QUICK=1 benchmarks/compare.sh   fewer and shorter rounds (about 4 minutes), noisier
#   JDK=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/compare.sh
#                                   the Java side on another JDK (its bin/ first on PATH, as
#                                   the tools' launcher finds java); the C side is the same
set -euo pipefail
if [ -n "${JDK:-}" ]; then
  [ -x "$JDK/bin/java" ] || { echo "compare.sh: no $JDK/bin/java" >&2; exit 111; }
  PATH=$JDK/bin:$PATH
  export PATH
fi
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(dirname "$here")
jar=$root/benchmarks/target/benchmarks.jar
ucspi=${UCSPI:-/opt/ucspi-tcp/usr/bin}
for need in gcc python3 cdb cdbmake java "$ucspi/tcprules"; do
  command -v "$need" >/dev/null || { echo "compare.sh: $need is missing (see the comment at the top)" >&2; exit 111; }
done
[ -f /usr/include/cdb.h ] || { echo "compare.sh: libcdb-dev is missing" >&2; exit 111; }
[ -f "$jar" ] && [ -x "$root/bin/cdbmake" ] || { echo "compare.sh: run mvn -q -DskipTests package first" >&2; exit 111; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cdbkit-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
results=$work/results.txt
: > "$results"
record() { echo "$1	$2" >> "$results"; }   # name, value

if [ -n "${QUICK:-}" ]; then runs=3; jmh="-wi 2 -i 3 -w 1 -r 1"; else runs=7; jmh="-wi 3 -i 5 -w 2 -r 2"; fi
records=${RECORDS:-1000000}

echo "== whole processes: 5M-record build, 1M-rule tcprules, start-up" >&2
python3 - "$work/in5m.txt" <<'PY'
import random, sys
random.seed(1)
alpha = b"abcdefghijklmnopqrstuvwxyz"
with open(sys.argv[1], "wb", buffering=1 << 20) as f:
    for i in range(5_000_000):
        k = b"key-%010d" % i
        v = bytes(random.choices(alpha, k=40))
        f.write(b"+%d,%d:%s->%s\n" % (len(k), len(v), k, v))
    f.write(b"\n")
PY
java -cp "$jar" org.cdbkit.bench.RulesData "$work/rules1m.txt" 1000000
mkdir -p "$work/hello" && printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
cp "$root/fixtures/cdb/one.cdb" "$work/tiny.cdb"
cd "$work"
# Rounds alternate between the commands compared, so that a machine that slows down or speeds
# up during the run (a shared VM does) weighs on both sides alike; the median of each is kept.
# Each command starts after a sync, untimed, so that none pays for another's writes.
interleave() {  # NAME ROUNDS then pairs of LABEL COMMAND
  python3 - "$@" >> "$results" <<'PY'
import statistics, subprocess, sys, time
name, rounds, rest = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
commands = list(zip(rest[0::2], rest[1::2]))
times = {label: [] for label, _ in commands}
for r in range(rounds + 1):
    for label, command in commands:
        # what the previous command left unwritten (tinycdb does not fsync) must not be
        # written back on the next one's time
        subprocess.run("sync", shell=True, check=True)
        start = time.perf_counter()
        subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
        if r > 0:  # the first round warms the caches
            times[label].append(time.perf_counter() - start)
for label, values in times.items():
    print(f"{name}_{label}\t{statistics.median(values):.4f}")
PY
}
interleave build "$runs" tinycdb "cdb -c t.cdb in5m.txt" freecdb "cdbmake f.cdb f.tmp < in5m.txt" \
  cdbkit "$root/bin/cdbmake j.cdb j.tmp < in5m.txt"
cmp -s f.cdb j.cdb && cmp -s t.cdb j.cdb || { echo "compare.sh: the databases differ" >&2; exit 111; }
interleave rules "$runs" ucspi "$ucspi/tcprules r.cdb r.tmp < rules1m.txt" cdbkit "$root/bin/tcprules s.cdb s.tmp < rules1m.txt"
cmp -s r.cdb s.cdb || { echo "compare.sh: the rules databases differ" >&2; exit 111; }
interleave start $((runs * 3)) jvm "java -cp hello Hello" cdbget "$root/bin/cdbget one < tiny.cdb" sh "true"
peak() { /usr/bin/time -f %M sh -c "$1" 2>&1 >/dev/null | tail -1; }
record rss_freecdb "$(peak 'cdbmake f.cdb f.tmp < in5m.txt')"
record rss_cdbkit "$(peak "$root/bin/cdbmake j.cdb j.tmp < in5m.txt")"
cd - > /dev/null

echo "== lookups: tinycdb cdb_find and cdbkit, same $records-record database" >&2
gcc -O2 -o "$work/lookup-c" "$here/c/lookup.c" -lcdb
java -cp "$jar" org.cdbkit.bench.LookupData "$work/lookup.cdb" "$records"
record c_hit "$("$work/lookup-c" "$work/lookup.cdb" "$records" hit 2>/dev/null)"
record c_miss "$("$work/lookup-c" "$work/lookup.cdb" "$records" miss 2>/dev/null)"
java -jar "$jar" 'LookupBenchmark|PeerLookupBenchmark|RulesBenchmark' -p records="$records" $jmh -prof gc \
  -jvmArgs "-Dcdbkit.bench.db=$work/lookup.cdb" -rf json -rff "$work/jmh.json" > "$work/jmh.log" 2>&1
python3 - "$work/jmh.json" >> "$results" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1]
    print(f"java_{name}\t{r['primaryMetric']['score']:.1f}")
    gc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm") or r.get("secondaryMetrics", {}).get("·gc.alloc.rate.norm")
    if gc:
        print(f"java_{name}_bytes\t{gc['score']:.1f}")
PY

python3 - "$results" <<'PY'
import sys, platform, os
v = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[1]))
f = lambda k: float(v[k])
sh = f("start_sh")  # the cost of sh -c itself, taken off the shell-wrapped commands
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
rows = [
    ("cdbmake, 5M records (320 MB), whole process, s", f("build_cdbkit") - sh, f("build_tinycdb") - sh, "tinycdb cdb -c", "<= 0.8"),
    ("  the same against freecdb cdbmake (which fsyncs, as we do)", f("build_cdbkit") - sh, f("build_freecdb") - sh, "freecdb cdbmake", ""),
    ("tcprules, 1M mixed rules, whole process, s", f("rules_cdbkit") - sh, f("rules_ucspi") - sh, "ucspi-tcp tcprules", "<= 1.0"),
    ("random hit lookup, 1M records, ns", f("java_hit"), f("c_hit"), "tinycdb cdb_find", "<= 1.1"),
    ("  each lookup guarded on its own (finder, not openFinder)", f("java_hitGuarded"), f("c_hit"), "tinycdb cdb_find", ""),
    ("  one a call, each key a byte[] of its own, the value copied (getBytes)", f("java_hitKeyObjects"), f("c_hit"), "tinycdb cdb_find", ""),
    ("  batch of 16 (getBatch), per key, ns", f("java_batchHit"), f("c_hit"), "tinycdb cdb_find", "<= 1.1"),
    ("random miss lookup, 1M records, ns", f("java_miss"), f("c_miss"), "tinycdb cdb_find", ""),
    ("  PalDB 1.2.0 hit, ns", f("java_paldbHit"), f("c_hit"), "tinycdb cdb_find", ""),
    ("  HashMap hit, ns", f("java_hashMapHit"), f("c_hit"), "tinycdb cdb_find", ""),
    ("cdbget on a tiny cdb, whole process, s", f("start_cdbget") - sh, f("start_jvm") - sh, "bare JVM printing a line", "<= 1.5"),
    ("peak memory of the 5M build, MB", f("rss_cdbkit") / 1024, f("rss_freecdb") / 1024, "freecdb cdbmake", "<= 1.5"),
]
print(f"Machine: {cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; java {platform.python_version() and os.popen('java -version 2>&1').readline().split(chr(34))[1]}")
print()
print("| work | cdbkit | C (or peer) | against | ratio | goal |")
print("| --- | ---: | ---: | --- | ---: | --- |")
for name, ours, theirs, against, goal in rows:
    print(f"| {name} | {ours:.3f} | {theirs:.3f} | {against} | {ours / theirs:.2f} | {goal} |")
print(f"| our hit against PalDB's, both as LookupBenchmark.hit makes them, ns | {f('java_hit'):.1f} | {f('java_paldbHitRun'):.1f} | PalDB 1.2.0 | {f('java_paldbHitRun') / f('java_hit'):.2f}x faster | >= 2x |")
print(f"| our hit against PalDB's, both one a call, each key a byte[] of its own, ns | {f('java_hitKeyObjects'):.1f} | {f('java_paldbHit'):.1f} | PalDB 1.2.0 | {f('java_paldbHit') / f('java_hitKeyObjects'):.2f}x faster | |")
print()
print(f"| connect-time rules decision, 100k rules (RulesDatabase.decide), ns | {f('java_decide'):.0f} | | | | under 1000 |")
print(f"| its allocation per decision, bytes | {f('java_decide_bytes'):.1f} | | | | 0 |")
PY
