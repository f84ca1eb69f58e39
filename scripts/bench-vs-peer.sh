#!/usr/bin/env bash
# Runs `shootnet plan -o json` and the Python peer (shared/bench/peer_plan.py) alternately on the
# same workload and prints both medians, the ratio and both peak memories.
#   scripts/bench-vs-peer.sh [NODES ...]        (default: 5000 50000)
# Needs: python3 with PyYAML (the peer), /usr/bin/time (GNU time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHOOTNET_SHARED:-../shared}
runs=${RUNS:-11}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
# The release binary as README's "Install" builds it: Swift runtime and Foundation linked
# statically (start-up 4 ms instead of 10: no dynamic symbol binding of ~20 libraries).
# Its own build folder, so it does not thrash .build/release.
swift build -c release --static-swift-stdlib --product shootnet --scratch-path .build-static >/dev/null
bin=.build-static/release/shootnet
for n in "${@:-5000 50000}"; do
  for size in $n; do
    dir=$(mktemp -d)
    python3 "$shared/bench/gen_workload.py" "$size" "$dir" >/dev/null
    r=$([ "$size" -ge 20000 ] && echo 5 || echo "$runs")
    : > "$dir/times"
    for i in $(seq "$r"); do
      /usr/bin/time -f "shootnet %e %M" -a -o "$dir/times" "$bin" plan "$dir/shoot.yaml" --nodes "$dir/nodes.json" --routes "$dir/router.json" -o json >/dev/null
      /usr/bin/time -f "peer %e %M" -a -o "$dir/times" python3 "$shared/bench/peer_plan.py" "$dir" >/dev/null
    done
    python3 - "$dir/times" "$size" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and l.split()[0] in ("shootnet", "peer")]
t = {k: [float(r[1]) for r in rows if r[0] == k] for k in ("shootnet", "peer")}
m = {k: [int(r[2]) for r in rows if r[0] == k] for k in ("shootnet", "peer")}
s, p = statistics.median(t["shootnet"]), statistics.median(t["peer"])
print(f"{sys.argv[2]} nodes, {len(t['shootnet'])} runs each: shootnet {s*1000:.0f} ms, peer {p*1000:.0f} ms, "
      f"ratio {p/s:.1f}x; peak memory shootnet {max(m['shootnet'])//1024} MB, peer {max(m['peer'])//1024} MB")
PY
    rm -rf "$dir"
  done
done
