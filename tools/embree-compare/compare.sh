#!/usr/bin/env bash
# RadioTwin's ray caster vs Intel Embree 3 on the same triangles and the same rays
# (shared/bench/RAYS.md, org.radiotwin.geometry.BenchmarkRays). Run from anywhere in the repository:
#
#   tools/embree-compare/compare.sh [--rays N] [--seed S] [--repeats R]
#                                   [--quality low|medium|high] [--threads "2 1"]
#                                   [--scenes "SCENE ..."] [--no-explain] [--wait-idle]
#
# Defaults: 1,000,000 rays, seed 1, 5 timed passes after a warm-up, Embree build quality high,
# thread counts 2 and 1, scenes munich, etoile and builtin:simple_street_canyon.
# --wait-idle: before each timed command, wait (up to 2 minutes) until the machine has been at
# least 95 % idle for 3 s, and measure a row again (up to 3 tries) when other processes took more
# than 10 % of the CPU during any of its commands; for shared machines. The "others" column
# always reports how much CPU other processes (and hypervisor steal) took while a row ran.
# Needs: Java 17 and the CLI jar (built here with Maven when missing or older than the sources;
# RADIOTWIN_JAR=path uses that jar as it is), g++ and Embree 3 (Debian/Ubuntu:
# apt-get install -y libembree-dev), awk.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rays=1000000
seed=1
repeats=5
quality=high
threadList="2 1"
scenes="data/scenes/munich/munich.xml data/scenes/etoile/etoile.xml builtin:simple_street_canyon"
explain=1
waitIdle=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rays) rays="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --quality) quality="$2"; shift 2 ;;
    --threads) threadList="$2"; shift 2 ;;
    --scenes) scenes="$2"; shift 2 ;;
    --no-explain) explain=0; shift ;;
    --wait-idle) waitIdle=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

cd "$root"
jar="${RADIOTWIN_JAR:-$root/radiotwin-cli/target/radiotwin.jar}"
if [[ -z "${RADIOTWIN_JAR:-}" && ( ! -f "$jar" ||
      -n "$(find "$root"/radiotwin-* \( -name '*.java' -o -name pom.xml \) -newer "$jar" 2>/dev/null | head -1)" ) ]]; then
  echo "building the CLI jar (mvn install -DskipTests), it is missing or older than the sources ..." >&2
  (mvn -B -q -o install -DskipTests -Dspotbugs.skip || mvn -B -q install -DskipTests -Dspotbugs.skip) >&2
fi
if [[ ! -x "$here/build/embree_raycast" || ! -x "$here/build/explain_diffs" ||
      "$here/embree_raycast.cpp" -nt "$here/build/embree_raycast" ||
      "$here/explain_diffs.cpp" -nt "$here/build/explain_diffs" ||
      "$here/bench_common.hpp" -nt "$here/build/embree_raycast" ]]; then
  "$here/build.sh" >&2
fi
embree="$here/build/embree_raycast"
work="$(mktemp -d "${TMPDIR:-/tmp}/embree-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# field JSON KEY: the value of a top-level key in a flat one-line JSON object.
field() { sed -E "s/.*\"$2\":\"?([^,\"}]*)\"?[,}].*/\1/" <<<"$1"; }

# CPU jiffies of the whole machine: busy (user nice system irq softirq) + steal.
machineJiffies() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# CPU seconds of this shell's finished children (second line of `times`), into $CHILD. Must run
# in this shell itself, not in a $(...) subshell, which has children of its own.
childSeconds() {
  times >"$work/times"
  CHILD="$(awk 'NR == 2 { split($0, f, /[ms ]+/); print f[1] * 60 + f[2] + f[3] * 60 + f[4] }' "$work/times")"
}
waitIdle() {
  [[ "$waitIdle" == 1 ]] || return 0
  local k a b
  for k in $(seq 40); do
    a="$(awk '/^cpu /{print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)"
    sleep 3
    b="$(awk '/^cpu /{print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)"
    if awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
         exit !((y[1] - x[1]) >= 0.95 * (y[2] - x[2])) }'; then return 0; fi
  done
  echo "warning: machine not idle after 2 minutes, measuring anyway" >&2
}
# measure CMD...: runs CMD, its stdout in $RESULT and in $OTHERS the share of the machine's CPU
# [%] that other processes (and steal) used meanwhile.
hz="$(getconf CLK_TCK)"
cores="$(nproc)"
measure() {
  waitIdle
  local c0 j0 t0 c1 j1 t1
  childSeconds; c0="$CHILD"; j0="$(machineJiffies)"; t0="$(date +%s.%N)"
  RESULT="$("$@")"
  t1="$(date +%s.%N)"; j1="$(machineJiffies)"; childSeconds; c1="$CHILD"
  OTHERS="$(awk -v c0="$c0" -v c1="$c1" -v j0="$j0" -v j1="$j1" -v t0="$t0" -v t1="$t1" \
    -v hz="$hz" -v n="$cores" 'BEGIN { o = ((j1 - j0) / hz - (c1 - c0)) / ((t1 - t0) * n) * 100;
      printf "%.0f", o < 0 ? 0 : o }')"
}

echo "# RadioTwin vs Embree: $rays rays, seed $seed, median of $repeats passes after a warm-up"
echo "# $(date -u +%Y-%m-%dT%H:%MZ); CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
  "$(nproc) cores; $(java -version 2>&1 | head -1)"
echo "# RadioTwin: $(basename "$jar"); last commit touching radiotwin-*: $(git log -1 --format='%h %cs' -- \
  'radiotwin-*' 2>/dev/null || echo '?')$(git diff --quiet HEAD -- 'radiotwin-*' 2>/dev/null || echo ' (+ uncommitted changes)')"
echo "# Embree: $(dpkg-query -W -f '${Version}' libembree3-3 2>/dev/null || echo '?')," \
  "build quality $quality, float32 rays (binary64 rays of RAYS.md rounded), tnear 0, tfar inf"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-20s | %3s | %12s | %12s | %6s | %14s | %14s | %9s | %9s | %10s | %10s | %10s | %8s |\n' \
  scene thr "ours rays/s" "Embree 1 r/s" ratio "Embree 16 r/s" "Embree 1M r/s" "hits ours" \
  "hits Emb." "Σt rel.d" "build ours" "build Emb." "others %"
sep="|$(printf '%22s' '' | tr ' ' -)|"
for w in 3 12 12 6 14 14 9 9 9 10 10 8; do  # widths of the columns after the first
  sep+="$(printf '%*s' "$((w + 1))" '' | tr ' ' -):|"
done
echo "$sep"

explanations=()
for scene in $scenes; do
  name="$(basename "$scene" .xml)"
  name="${name#builtin:}"
  geom="$work/$name.geom"
  for threads in $threadList; do
    for attempt in 1 2 3; do  # with --wait-idle, a disturbed row is measured again (3 tries)
      measure java -jar "$jar" bench raycast --scene "$scene" --rays "$rays" --seed "$seed" \
        --threads "$threads" --repeats "$repeats" --json --dump-geometry "$geom"
      ours="$RESULT"; othersOurs="$OTHERS"
      common=(--geometry "$geom" --rays "$rays" --seed "$seed" --threads "$threads"
        --repeats "$repeats" --quality "$quality")
      measure "$embree" "${common[@]}" --mode intersect1 --dump-hits "$work/$name.embree.hits"
      e1="$RESULT"; othersEmbree="$OTHERS"
      measure "$embree" "${common[@]}" --mode intersect16
      e16="$RESULT"
      measure "$embree" "${common[@]}" --mode stream
      es="$RESULT"
      others="$(printf '%s\n' "$othersOurs" "$othersEmbree" "$OTHERS" | sort -n | tail -1)"
      [[ "$waitIdle" == 1 && "$others" -gt 10 ]] || break
      echo "note: $name, $threads thread(s): other processes took up to $others % of the CPU," \
        "measuring again" >&2
    done
    if [[ "$(field "$e1" zeroTHits)" != 0 || "$(field "$e1" inexactVertices)" != 0 ]]; then
      echo "warning: $name: Embree hits at t = 0: $(field "$e1" zeroTHits) (its tnear is inclusive)," \
        "vertices not exact in float32: $(field "$e1" inexactVertices)" >&2
    fi
    for e in "$e16" "$es"; do  # packets and streams must find exactly the same hits
      if [[ "$(field "$e" hits)" != "$(field "$e1" hits)" || "$(field "$e" sumT)" != "$(field "$e1" sumT)" ]]; then
        echo "warning: $name: Embree $(field "$e" mode) hits/Σt differ from rtcIntersect1" >&2
      fi
    done
    awk -v s="$name" -v th="$threads" \
      -v ro="$(field "$ours" raysPerSecond)" -v re="$(field "$e1" raysPerSecond)" \
      -v r16="$(field "$e16" raysPerSecond)" -v rs="$(field "$es" raysPerSecond)" \
      -v ho="$(field "$ours" hits)" -v he="$(field "$e1" hits)" \
      -v so="$(field "$ours" sumT)" -v se="$(field "$e1" sumT)" \
      -v bo="$(field "$ours" buildMs)" -v be="$(field "$e1" buildMs)" \
      -v oth="$othersOurs/$othersEmbree" 'BEGIN {
        printf "| %-20s | %3d | %12.4g | %12.4g | %6.1f | %14.4g | %14.4g | %9d | %9d | %9.1e | %7.1f ms | %7.1f ms | %8s |\n",
          s, th, ro, re, re / ro, r16, rs, ho, he, (se - so) / so, bo, be, oth }'
  done
  if [[ "$explain" == 1 ]]; then
    # Per-ray answers of RadioTwin (binary64 rays, and the same rays rounded to float32) for the
    # classification of every ray on which the two disagree.
    if java -cp "$jar" "$here/DumpHits.java" "$scene" "$rays" "$seed" \
         "$work/$name.ours.hits" "$work/$name.oursf.hits" >"$work/$name.dump.json" 2>"$work/$name.dump.err"; then
      dump="$(cat "$work/$name.dump.json")"
      if ! awk -v a="$(field "$dump" hits)" -v b="$(field "$ours" hits)" -v c="$(field "$dump" sumT)" \
          -v d="$(field "$ours" sumT)" 'BEGIN { exit !(a == b && c + 0 == d + 0) }'; then
        echo "warning: $name: DumpHits.java does not reproduce the CLI's hits/sumT" >&2
      fi
      explanations+=("## $name: rays on which RadioTwin and Embree (rtcIntersect1) disagree
$(cat "$work/$name.dump.json") (RadioTwin, binary64 rays / float32-rounded rays)
$("$here/build/explain_diffs" --geometry "$geom" --rays "$rays" --seed "$seed" \
   --ours "$work/$name.ours.hits" --ours-f32 "$work/$name.oursf.hits" \
   --embree "$work/$name.embree.hits" --list 3)")
    else
      explanations+=("## $name: DumpHits.java failed (RadioTwin API changed?), no per-ray comparison:
$(tail -5 "$work/$name.dump.err")")
    fi
  fi
done
echo
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# ratio = Embree rtcIntersect1 rays/s / ours; Σt rel.d = (Σt Embree - Σt ours) / Σt ours;"
echo "# Embree 16 = rtcIntersect16 packets of consecutive rays, Embree 1M = rtcIntersect1M streams"
echo "# of 4096 rays; hits and Σt are from rtcIntersect1 (packets/streams are checked to agree)."
echo "# others % = CPU share of the machine taken by other processes (and steal) while ours /"
echo "# Embree rtcIntersect1 ran: more than a few % means that row's timing is disturbed."
for x in "${explanations[@]}"; do
  echo
  echo "$x"
done
