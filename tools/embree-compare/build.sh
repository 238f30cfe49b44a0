#!/usr/bin/env bash
# Builds embree_raycast and explain_diffs into tools/embree-compare/build/.
# Needs g++ (C++17) and Embree 3 (Debian/Ubuntu: apt-get install -y libembree-dev).
# -ffp-contract=off: no fused multiply-add, so the binary64 ray generator reproduces
# shared/bench/RAYS.md (and RadioTwin's BenchmarkRays) bit for bit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/build"
mkdir -p "$out"
CXX="${CXX:-g++}"
FLAGS=(-std=c++17 -O2 -march=x86-64 -ffp-contract=off -fno-fast-math -Wall -Wextra)
if [[ "$(uname -m)" != x86_64 ]]; then FLAGS=(-std=c++17 -O2 -ffp-contract=off -Wall -Wextra); fi
"$CXX" "${FLAGS[@]}" -o "$out/embree_raycast" "$here/embree_raycast.cpp" -lembree3 -pthread
"$CXX" "${FLAGS[@]}" -o "$out/explain_diffs" "$here/explain_diffs.cpp" -pthread
echo "built $out/embree_raycast $out/explain_diffs"
