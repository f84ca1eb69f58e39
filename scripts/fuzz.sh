#!/usr/bin/env bash
# Fuzz every shootnet parser with libFuzzer (coverage-guided, AddressSanitizer on), built with
# swiftc directly so `swift build` and `swift test` never need fuzzer flags. Where the
# toolchain has no libFuzzer, runs the seeded mutation loop (shootnet-fuzz) instead.
#
#   scripts/fuzz.sh [SECONDS]        run for SECONDS (default 300)
#   FUZZ_JOBS=2 scripts/fuzz.sh      parallel libFuzzer jobs
#   FUZZ_SANITIZERS=fuzzer scripts/fuzz.sh   without AddressSanitizer (faster)
#
# Builds into .build/libfuzzer/; the corpus grows in .build/libfuzzer/corpus, crashes and
# findings land in .build/libfuzzer/findings/ (reproduce one: .build/libfuzzer/shootnet-libfuzzer FILE).
# The harness is Sources/shootnet-fuzz (minus main.swift): the first input byte picks the
# parser (FuzzTarget order), the rest is its input; a broken invariant aborts.
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=${1:-300}
jobs=${FUZZ_JOBS:-1}
sanitizers=${FUZZ_SANITIZERS:-fuzzer,address}
out=.build/libfuzzer
mkdir -p "$out"

toolchain=$(dirname "$(command -v swiftc)")
clang="$toolchain/clang"

seeded_loop() {
    echo "fuzz.sh: $1; running the seeded mutation loop instead" >&2
    swift build -c release --product shootnet-fuzz
    # About 1,700-3,300 inputs a second on 2 cores: size the run to the time asked for.
    exec .build/release/shootnet-fuzz --iterations $((seconds * 2000)) --seed "${FUZZ_SEED:-$RANDOM}" --findings "$out/findings" --verbose
}

# Does this toolchain link libFuzzer?
probe="$out/probe"
mkdir -p "$probe"
cat > "$probe/probe.swift" <<'SWIFT'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
SWIFT
if ! swiftc -parse-as-library -sanitize=fuzzer "$probe/probe.swift" -o "$probe/probe" >/dev/null 2>&1; then
    seeded_loop "swiftc -sanitize=fuzzer does not work with this toolchain"
fi

[ -d .build/checkouts/Yams ] || swift package resolve
yams=.build/checkouts/Yams/Sources
san="-sanitize=$sanitizers"
csan="-fsanitize=$(echo "$sanitizers" | sed 's/fuzzer/fuzzer-no-link/')"
flags=(-O -parse-as-library -I "$out" -I "$yams/CYaml/include" -Xcc -DYAML_DECLARE_STATIC "$san")

newer() { # true when $1 is missing or older than any file under the other arguments
    [ ! -e "$1" ] && return 0
    [ -n "$(find "${@:2}" -newer "$1" -type f -print -quit)" ]
}

echo "fuzz.sh: building the libFuzzer harness in $out (first time: a few minutes)" >&2
mkdir -p "$out/cyaml"
for c in "$yams"/CYaml/src/*.c; do
    o="$out/cyaml/$(basename "$c" .c).o"
    if newer "$o" "$c"; then "$clang" -c -O1 -g "$csan" -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" -I "$yams/CYaml/src" "$c" -o "$o"; fi
done
if newer "$out/Yams.o" "$yams/Yams"; then
    swiftc -wmo "${flags[@]}" -swift-version 5 -D SWIFT_PACKAGE -module-name Yams -emit-module -emit-module-path "$out/Yams.swiftmodule" \
        -c "$yams"/Yams/*.swift -o "$out/Yams.o" 2>&1 | grep -v -e warning -e '^ *|' -e '^$' || true
fi
for module in Addressing Spec Loading IPAM; do
    if newer "$out/$module.o" "Sources/$module" "$out/Yams.o"; then
        # shellcheck disable=SC2046
        swiftc -wmo "${flags[@]}" -swift-version 6 -module-name "$module" -emit-module -emit-module-path "$out/$module.swiftmodule" \
            -c $(find "Sources/$module" -name '*.swift' | sort) -o "$out/$module.o"
    fi
done
cat > "$out/Entry.swift" <<'SWIFT'
import Foundation

nonisolated(unsafe) private let scratch = ScratchFile()

/// libFuzzer's entry point: the first byte picks the parser, the rest is its input.
@_cdecl("LLVMFuzzerTestOneInput")
public func shootnetFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let finding = FuzzDispatch.run(bytes, scratch: scratch) {
        FileHandle.standardError.write(Data("shootnet finding: \(finding)\n".utf8))
        abort()
    }
    return 0
}
SWIFT
harness=$(find Sources/shootnet-fuzz -name '*.swift' ! -name main.swift | sort)
if newer "$out/shootnet-libfuzzer" Sources/shootnet-fuzz "$out/IPAM.o" "$out/Loading.o"; then
    # shellcheck disable=SC2086
    swiftc "${flags[@]}" -swift-version 6 -module-name ShootnetFuzz $harness "$out/Entry.swift" \
        "$out"/{Addressing,Spec,Loading,IPAM,Yams}.o "$out"/cyaml/*.o -o "$out/shootnet-libfuzzer"
fi

# Seeds: every sample for its reader (and for the editor, with 8 bytes choosing the edit),
# plus a few addresses, prefixes, tuples and templates. Byte values follow FuzzTarget.allCases.
seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$out/corpus" "$out/findings"
n=0
for f in samples/*.yaml themes/*.yaml samples/*.json; do
    n=$((n + 1))
    case "$f" in
        themes/*) byte=0a ;;
        *seed.yaml) byte=09 ;;
        *nodes.json) byte=07 ;;
        *router.json) byte=08 ;;
        *) byte=05 ;;
    esac
    { printf "\\x$byte"; cat "$f"; } > "$seeds/file-$n"
    if [ "$byte" = 05 ]; then { printf '\x0b%08d' "$n"; cat "$f"; } > "$seeds/edit-$n"; fi
done
printf '\x002001:db8::1' > "$seeds/address"
printf '\x01::ffff:10.0.0.0/104' > "$seeds/prefix"
printf '\x02192.0.2.1' > "$seeds/prefix-or-address"
printf '\x03AUTOv6, 100.96.0.0/11,' > "$seeds/tuple"
printf '\x04<nodePrefix>::f000:0/100' > "$seeds/template"
printf '\x06{"kind": "Shoot", "metadata": {"name": "j"}, "spec": {"provider": {"type": "aws"}, "networking": {"nodes": "10.250.0.0/16"}}}' > "$seeds/json"

cat > "$out/shootnet.dict" <<'DICT'
"::"
"/64"
"/128"
"AUTOv6"
"<nodePrefix>"
"::ffff:"
"kind: Shoot"
"kind: NodeList"
"kind: ShootnetSettings"
"&a "
"*a"
"- "
": "
"\x0a---\x0a"
"\"podCIDRs\""
"\"routes\""
"\"destination\""
"\"nexthop\""
DICT

echo "fuzz.sh: running libFuzzer for $seconds s ($jobs job(s), sanitizers: $sanitizers)" >&2
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
"$out/shootnet-libfuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2560 \
    -dict="$out/shootnet.dict" -artifact_prefix="$out/findings/" -print_final_stats=1 \
    "${parallel[@]}" "$out/corpus" "$seeds"
