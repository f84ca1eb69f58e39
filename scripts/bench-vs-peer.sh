#!/usr/bin/env bash
# Runs `shootnet plan -o json` and the Python peer (scripts/bench/peer_plan.py) alternately on the
# same workload and prints both medians, the ratio and both peak memories.
#   scripts/bench-vs-peer.sh [NODES ...]        (default: 5000 50000; RUNS=N runs each, default 11)
# Needs: python3 (the peer; it reads the shoot YAML with PyYAML).
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$(cd "$(dirname "$0")" && pwd)/bench
runs=${RUNS:-11}
# The release binary as README's "Install" builds it: Swift runtime and Foundation linked
# statically (start-up 4 ms instead of 10: no dynamic symbol binding of ~20 libraries).
# Its own build folder, so it does not thrash .build/release.
swift build -c release --static-swift-stdlib --product shootnet --scratch-path .build-static >/dev/null
bin=.build-static/release/shootnet
for size in ${@:-5000 50000}; do
  dir=$(mktemp -d)
  python3 "$bench/gen_workload.py" "$size" "$dir" >/dev/null
  r=$([ "$size" -ge 20000 ] && echo 5 || echo "$runs")
  python3 - "$size" "$r" "$bin" "$bench/peer_plan.py" "$dir" <<'PY'
import os, statistics, subprocess, sys, time
size, runs, binary, peer, d = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
commands = {
    "shootnet": [binary, "plan", f"{d}/shoot.yaml", "--nodes", f"{d}/nodes.json", "--routes", f"{d}/router.json", "-o", "json"],
    "peer": [sys.executable, peer, d],
}
times = {k: [] for k in commands}
peak = {k: 0 for k in commands}
for _ in range(runs):
    for name, argv in commands.items():  # alternated, so both see the same machine
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        times[name].append(time.perf_counter() - start)
        peak[name] = max(peak[name], usage.ru_maxrss)
        if status != 0:
            sys.exit(f"{name} failed with status {status}")
s, p = statistics.median(times["shootnet"]), statistics.median(times["peer"])
print(f"{size} nodes, {runs} runs each: shootnet {s*1000:.1f} ms, peer {p*1000:.0f} ms, ratio {p/s:.1f}x; "
      f"peak memory shootnet {peak['shootnet']/1024:.0f} MB, peer {peak['peer']/1024:.0f} MB "
      f"({peak['shootnet']/peak['peer']:.2f} of the peer's)")
PY
  rm -rf "$dir"
done
