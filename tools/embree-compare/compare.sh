#!/usr/bin/env bash
# RadioTwin's ray caster vs Intel Embree 3 on the same triangles and the same rays
# (shared/bench/RAYS.md). Run from anywhere inside the repository:
#
#   tools/embree-compare/compare.sh [--rays N] [--seed S] [--repeats R]
#                                   [--quality low|medium|high] [--threads "2 1"]
#                                   [--scenes "SCENE ..."] [--no-explain]
#
# Defaults: 1,000,000 rays, seed 1, 5 timed passes after a warm-up, Embree build quality high,
# thread counts 2 and 1, scenes munich, etoile and builtin:simple_street_canyon.
# Needs: Java 17 + the CLI jar (built here with Maven if missing; RADIOTWIN_JAR overrides its
# path), g++ and Embree 3 (apt-get install -y libembree-dev), awk.
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
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rays) rays="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --quality) quality="$2"; shift 2 ;;
    --threads) threadList="$2"; shift 2 ;;
    --scenes) scenes="$2"; shift 2 ;;
    --no-explain) explain=0; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

cd "$root"
jar="${RADIOTWIN_JAR:-$root/radiotwin-cli/target/radiotwin.jar}"
if [[ ! -f "$jar" ]]; then
  echo "building the CLI jar (mvn install -DskipTests) ..." >&2
  mvn -B -q -o install -DskipTests -Dspotbugs.skip >&2
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

echo "# RadioTwin vs Embree: $rays rays, seed $seed, median of $repeats passes after a warm-up"
echo "# $(date -u +%Y-%m-%dT%H:%MZ); CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
  "$(nproc) cores; $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# Embree: $(dpkg-query -W -f '${Version}' libembree3-3 2>/dev/null || echo '?')," \
  "build quality $quality, float32 rays (binary64 rays of RAYS.md rounded), tnear 0, tfar inf"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-20s | %3s | %12s | %12s | %6s | %14s | %14s | %9s | %9s | %10s | %10s | %10s |\n' \
  scene thr "ours rays/s" "Embree 1 r/s" ratio "Embree 16 r/s" "Embree 1M r/s" "hits ours" \
  "hits Emb." "Σt rel.d" "build ours" "build Emb."
sep="|$(printf '%22s' '' | tr ' ' -)|"
for w in 3 12 12 6 14 14 9 9 9 10 10; do  # widths of the columns after the first
  sep+="$(printf '%*s' "$((w + 1))" '' | tr ' ' -):|"
done
echo "$sep"


explanations=()
for scene in $scenes; do
  name="$(basename "$scene" .xml)"
  name="${name#builtin:}"
  geom="$work/$name.geom"
  for threads in $threadList; do
    ours="$(java -jar "$jar" bench raycast --scene "$scene" --rays "$rays" --seed "$seed" \
      --threads "$threads" --repeats "$repeats" --json --dump-geometry "$geom")"
    common=(--geometry "$geom" --rays "$rays" --seed "$seed" --threads "$threads"
      --repeats "$repeats" --quality "$quality")
    e1="$("$embree" "${common[@]}" --mode intersect1 --dump-hits "$work/$name.embree.hits")"
    e16="$("$embree" "${common[@]}" --mode intersect16)"
    es="$("$embree" "${common[@]}" --mode stream)"
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
      -v bo="$(field "$ours" buildMs)" -v be="$(field "$e1" buildMs)" 'BEGIN {
        printf "| %-20s | %3d | %12.4g | %12.4g | %6.1f | %14.4g | %14.4g | %9d | %9d | %9.1e | %7.1f ms | %7.1f ms |\n",
          s, th, ro, re, re / ro, r16, rs, ho, he, (se - so) / so, bo, be }'
  done
  if [[ "$explain" == 1 ]]; then
    # Per-ray answers of RadioTwin (binary64 rays, and the same rays rounded to float32) for the
    # classification of every ray on which the two disagree.
    if java -cp "$jar" "$here/DumpHits.java" "$scene" "$rays" "$seed" \
         "$work/$name.ours.hits" "$work/$name.oursf.hits" >"$work/$name.dump.json" 2>"$work/$name.dump.err"; then
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
for x in "${explanations[@]}"; do
  echo
  echo "$x"
done
