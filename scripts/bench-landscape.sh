#!/usr/bin/env bash
# Runs `shootnet landscape -o json` and the Python peer (scripts/bench/peer_landscape.py)
# alternately on the landscape of scripts/bench/gen_landscape.py and prints both medians, the
# ratio and both peak memories, and how the largest size scales against the smallest.
#   scripts/bench-landscape.sh [SHOOTS ...]    (default: 10000 100000; 100 seeds each;
#                                               RUNS=N runs each below 50,000 shoots, default 7;
#                                               BIG_RUNS=N at 50,000 and more, default 3)
# Needs: python3.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$(cd "$(dirname "$0")" && pwd)/bench
runs=${RUNS:-7}
big_runs=${BIG_RUNS:-3}
# The release binary as operators should build it (static Swift runtime, as bench-vs-peer.sh).
swift build -c release --static-swift-stdlib --product shootnet --scratch-path .build-static >/dev/null
bin=.build-static/release/shootnet
results=$(mktemp)
for size in ${@:-10000 100000}; do
  dir=$(mktemp -d)
  python3 "$bench/gen_landscape.py" "$size" 100 "$dir" --plant 20 >/dev/null
  r=$([ "$size" -ge 50000 ] && echo "$big_runs" || echo "$runs")
  python3 - "$size" "$r" "$bin" "$bench/peer_landscape.py" "$dir" "$results" <<'PY'
import json, os, statistics, subprocess, sys, tempfile, time
size, runs, binary, peer, d, results = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
commands = {
    "shootnet": [binary, "landscape", f"{d}/shoots.json", f"{d}/seeds.json", "-o", "json"],
    "peer": [sys.executable, peer, f"{d}/shoots.json", f"{d}/seeds.json"],
}
times = {k: [] for k in commands}
peak = {k: 0 for k in commands}
outputs = {}
for _ in range(runs):
    for name, argv in commands.items():  # alternated, so both see the same machine
        with tempfile.TemporaryFile() as out:
            start = time.perf_counter()
            child = subprocess.Popen(argv, stdout=out)
            _, status, usage = os.wait4(child.pid, 0)
            times[name].append(time.perf_counter() - start)
            peak[name] = max(peak[name], usage.ru_maxrss)
            # shootnet exits 1: the planted collisions are errors.
            if os.waitstatus_to_exitcode(status) not in (0, 1):
                sys.exit(f"{name} failed with status {status}")
            out.seek(0)
            outputs[name] = json.load(out)
# Both must find the planted pairs, and the same pairs.
planted = {frozenset((p["a"], p["b"])) for p in json.load(open(f"{d}/planted.json"))}
mine = {frozenset(x["objects"][:2]) for x in outputs["shootnet"]["diagnostics"] if x["code"] == "landscape.ipv6-overlap"}
theirs = {frozenset((c["a"], c["b"])) for c in outputs["peer"]["conflicts"]}
if not planted <= mine or mine != theirs:
    sys.exit(f"results differ: planted-not-found {planted - mine}, shootnet-only {mine - theirs}, peer-only {theirs - mine}")
s, p = statistics.median(times["shootnet"]), statistics.median(times["peer"])
print(f"{size} shoots, 100 seeds, {runs} runs each: shootnet {s*1000:.0f} ms, peer {p*1000:.0f} ms, ratio {p/s:.1f}x; "
      f"peak memory shootnet {peak['shootnet']/1024:.0f} MB, peer {peak['peer']/1024:.0f} MB "
      f"({peak['shootnet']/peak['peer']:.2f} of the peer's); {len(mine)} colliding pairs, same as the peer's")
with open(results, "a") as f:
    f.write(f"{size} {s}\n")
PY
  rm -rf "$dir"
done
python3 - "$results" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
if len(rows) >= 2:
    (n0, t0), (n1, t1) = rows[0], rows[-1]
    print(f"{n1} shoots take {float(t1)/float(t0):.1f}x the time of {n0}")
PY
rm -f "$results"
