#!/usr/bin/env bash
# The release build, as operators build it, drawn in a real terminal: builds `shootnet -c release`
# and runs the UI on the bundled figure and the landscape view on a two-shoot landscape under a
# private tmux server; fails unless each first frame shows its content and `q` exits 0.
# The tests run the debug build; this catches what only optimisation changes (a shim state
# inlined into another module once left the release screen blank).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product shootnet >/dev/null
bin=$(swift build -c release --show-bin-path)/shootnet
socket="shootnet-smoke-$$"
work=$(mktemp -d)
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

cat > "$work/shoots.yaml" <<'YAML'
apiVersion: v1
kind: List
items:
- apiVersion: core.gardener.cloud/v1beta1
  kind: Shoot
  metadata: {name: alpha, namespace: garden-a}
  spec:
    provider: {type: aws, workers: [{name: w, minimum: 1, maximum: 3, zones: [eu-1a]}]}
    networking: {type: calico, ipFamilies: [IPv4, IPv6], nodes: 10.250.0.0/16, pods: 100.96.0.0/11, services: 100.64.0.0/13, providerConfig: {overlay: {enabled: false}}}
  status: {networking: {pods: [100.96.0.0/11, "2001:db8:7::/64"]}}
- apiVersion: core.gardener.cloud/v1beta1
  kind: Shoot
  metadata: {name: beta, namespace: garden-a}
  spec:
    provider: {type: aws, workers: [{name: w, minimum: 1, maximum: 3, zones: [eu-1a]}]}
    networking: {type: calico, ipFamilies: [IPv4, IPv6], nodes: 10.250.0.0/16, pods: 100.96.0.0/11, services: 100.64.0.0/13, providerConfig: {overlay: {enabled: false}}}
  status: {networking: {pods: [100.96.0.0/11, "2001:db8:7::/64"]}}
YAML

# wait_for NAME TEXT TENTHS: the pane's screen once it shows TEXT, within TENTHS tenths of a
# second (printed either way; the status says whether it came).
wait_for() {
  local screen=""
  for _ in $(seq "$3"); do
    screen=$(tmux -L "$socket" capture-pane -p -t "$1")
    if grep -qF "$2" <<<"$screen"; then echo "$screen"; return 0; fi
    sleep 0.1
  done
  echo "$screen"
  return 1
}

# check NAME EXPECTED COMMAND...: the first frame must show EXPECTED within 20 s, q must exit 0.
check() {
  local name=$1 expected=$2 screen
  shift 2
  tmux -L "$socket" new-session -d -s "$name" -x 140 -y 40 \
    "env TERM=tmux-256color LANG=C.UTF-8 $(printf '%q ' "$@"); echo EXIT=\$?; sleep 30"
  if ! screen=$(wait_for "$name" "$expected" 200); then
    echo "release smoke: $name: \"$expected\" never appeared; the screen was:" >&2
    echo "$screen" >&2
    exit 1
  fi
  tmux -L "$socket" send-keys -t "$name" q
  if ! screen=$(wait_for "$name" "EXIT=0" 100); then
    echo "release smoke: $name: q did not exit 0; the screen was:" >&2
    echo "$screen" >&2
    exit 1
  fi
  echo "release smoke: $name: drawn, quit cleanly"
}

check ui "Routing Entries:" "$bin" samples/gep-openstack.yaml
check landscape "1 collision" "$bin" landscape "$work/shoots.yaml"
