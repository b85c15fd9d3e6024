#!/usr/bin/env bash
# Run the linux-arm64 build on this x64 machine under qemu-user (qemu-aarch64-static) with Debian's arm64
# libraries (multiarch), and check on the target architecture:
#   - the build reports arm64
#   - numerical parity: `model check` on every ncps reference vector (exit 0 = within tolerance)
#   - ONNX Runtime's arm64 library: `model export-onnx` exports a step graph and checks it against the
#     native runtime (exit 1 if they differ)
#   - a short end-to-end flight (E2E_ARGS below)
#   - with X64_PUBLISH_DIR: flights recorded by the x64 build (REPLAY_POLICIES below) replay bit for bit on arm64,
#     so a flight recorded on a workstation or the vehicle can be replayed on the other
# ONNX Runtime reads /proc/cpuinfo to choose its ARM kernels; under qemu-user that file still describes
# the x64 host. The checks therefore run in a private mount namespace where a Cortex-A76 description
# (a Raspberry Pi 5's) is bind-mounted over /proc/cpuinfo; nothing outside the namespace sees it.
# usage: deploy/ci/check-arm64.sh PUBLISH_DIR [X64_PUBLISH_DIR] (linux-arm64 and linux-x64 publishes)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
publish=$(cd "$1" && pwd)
x64_publish=${2:+$(cd "$2" && pwd)}
exe="$publish/droneliquid"
references=tests/DroneLiquid.Liquid.Tests/Reference
onnx_models=("$references/wiredcfc_autoncp19.json")
work=${ARM64_CHECK_WORK:-}
# shellcheck source=deploy/lib/timing.sh
. deploy/lib/timing.sh

# The end-to-end run: the main job, the published bundled policy flying the emulated PX4 over loopback MAVLink.
E2E_ARGS=(fly --sim --policy "$publish/models/state-nav")
# Policies whose x64-recorded flights must replay exactly: the wired (NCP) CfC and the LSTM cells, whose matrix
# products once summed in an order that depended on the machine's vector width.
REPLAY_POLICIES=(vision-cfc vision-lstm)

fail() { echo "check-arm64: $*" >&2; exit 1; }

# A /proc/cpuinfo as an arm64 Linux kernel writes it, one block per CPU this machine has.
fake_cpuinfo() {
  local cpu
  for ((cpu = 0; cpu < $(nproc); cpu++)); do
    printf 'processor\t: %d\nBogoMIPS\t: 108.00\n' "$cpu"
    printf 'Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp\n'
    printf 'CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x4\nCPU part\t: 0xd0b\nCPU revision\t: 1\n\n'
  done
}

if [ "${ARM64_CHECK_INNER:-0}" != 1 ]; then
  [ -x "$exe" ] || fail "$exe not found; publish with -r linux-arm64 first"
  command -v qemu-aarch64-static >/dev/null || fail "qemu-aarch64-static not found (apt-get install qemu-user-static)"
  [ -e /lib/ld-linux-aarch64.so.1 ] || fail "no arm64 loader; apt-get install libc6:arm64 libstdc++6:arm64 libssl3:arm64 zlib1g:arm64 (after dpkg --add-architecture arm64)"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  fake_cpuinfo > "$work/cpuinfo"
  if [ -n "$x64_publish" ]; then
    for policy in "${REPLAY_POLICIES[@]}"; do
      "$x64_publish/droneliquid" fly --sim --policy "$x64_publish/models/$policy" --out "$work/x64-$policy" >"$work/x64-$policy.log" 2>&1 ||
        { tail -n 20 "$work/x64-$policy.log" >&2; fail "the x64 flight with $policy failed"; }
    done
  fi
  # Root may unshare a mount namespace directly; anyone else needs a user namespace around it.
  ns=(unshare -m --propagation private)
  [ "$(id -u)" -eq 0 ] || ns=(unshare -r -m --propagation private)
  # shellcheck disable=SC2016 # expanded by the inner sh, on purpose
  ARM64_CHECK_INNER=1 ARM64_CHECK_WORK="$work" "${ns[@]}" sh -c 'mount --bind "$1" /proc/cpuinfo && exec "$2" "$3"' \
    sh "$work/cpuinfo" "$0" "$publish"
  exit
fi

grep -q '^CPU implementer' /proc/cpuinfo || fail "the arm64 /proc/cpuinfo is not in place"

# run NAME ARGS...: the arm64 droneliquid under qemu, timed; output kept for the checks below.
run() {
  local name=$1 start rc=0; shift
  start=$(now_ns)
  qemu-aarch64-static "$exe" "$@" >"$work/out" 2>&1 || rc=$?
  printf '  %-66s %5s s  exit %d\n' "$name" "$(seconds_since "$start")" "$rc"
  if [ "$rc" -ne 0 ]; then tail -n 20 "$work/out" >&2; fail "$name failed under qemu (exit $rc)"; fi
  if grep -q 'cpuid_info warning' "$work/out"; then
    grep 'cpuid_info' "$work/out" >&2; fail "$name: ONNX Runtime did not recognise the arm64 CPU"
  fi
}

echo "linux-arm64 build under $(qemu-aarch64-static --version | head -n 1)"
run "version" version
grep -q '(arm64)' "$work/out" || fail "the build does not report arm64: $(cat "$work/out")"
for reference in "$references"/*.json; do
  run "model check $(basename "$reference")" model check "$reference"
done
for model in "${onnx_models[@]}"; do
  run "model export-onnx $(basename "$model") (ONNX Runtime vs native)" model export-onnx "$model" "$work/step.onnx"
  grep -q '^PASS' "$work/out" || fail "export-onnx $model did not PASS: $(tail -n 3 "$work/out")"
done
run "${E2E_ARGS[*]}" "${E2E_ARGS[@]}" --out "$work/flight"
tail -n 2 "$work/out"
for policy in "${REPLAY_POLICIES[@]}"; do
  [ -d "$work/x64-$policy" ] || continue
  # replay exits 1 unless every output matches the recorded one exactly.
  run "replay of an x64 flight with $policy (bit for bit)" replay "$(ls -d "$work/x64-$policy"/*/)" --policy "$publish/models/$policy"
  tail -n 1 "$work/out"
done
