#!/usr/bin/env bash
# The deployment checks CI runs (from .ci/run, before the tests):
#   1. shellcheck on every deploy script
#   2. the Dockerfile through a linter (dockerfile-utils, from npm)
#   3. the Dockerfile's own `dotnet publish` command for linux-x64 and linux-arm64
#   4. install.sh / uninstall.sh into a throwaway root (idempotence, refusals, leftovers) and
#      `systemd-analyze verify` of the unit as installed
#   5. the unit under a real systemd in a throwaway container: the build inside its sandbox, the watchdog
#   6. the linux-arm64 build under qemu-user: model parity, ONNX Runtime, a short end-to-end flight, x64 flights
#      replayed bit for bit
# Each step prints its duration. Needs root for apt-get (packages are installed when missing) and for the
# throwaway mount namespaces. Usage: deploy/ci/check.sh [--skip-publish] (reuse artifacts/deploy/publish-*).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$(pwd)
# shellcheck source=deploy/lib/timing.sh
. deploy/lib/timing.sh
out="$repo/artifacts/deploy"
skip_publish=0
[ "${1:-}" != --skip-publish ] || skip_publish=1

timings=()
step() { # step NAME COMMAND...: run, time and record one check
  local name=$1 start rc=0 took; shift
  echo "== deploy check: $name"
  start=$(now_ns)
  "$@" || rc=$?
  took=$(seconds_since "$start")
  timings+=("$(printf '%-44s %6s s  %s' "$name" "$took" "$([ $rc -eq 0 ] && echo ok || echo "FAILED ($rc)")")")
  if [ $rc -ne 0 ]; then summary; echo "deploy check failed: $name" >&2; exit 1; fi
}
summary() { echo "== deploy check times"; printf '%s\n' "${timings[@]}"; }

packages() {
  local need=() arm64_libs=(libc6:arm64 libstdc++6:arm64 libssl3:arm64 zlib1g:arm64)
  command -v shellcheck >/dev/null || need+=(shellcheck)
  command -v systemd-analyze >/dev/null || need+=(systemd)
  command -v systemd-sysusers >/dev/null || need+=(systemd)
  command -v systemd-nspawn >/dev/null || need+=(systemd-container)
  command -v python3 >/dev/null || need+=(python3)
  command -v qemu-aarch64-static >/dev/null || need+=(qemu-user-static)
  command -v npm >/dev/null || need+=(npm)
  # An arm64 Debian userland for qemu-user (glibc, libstdc++, OpenSSL for .NET's SHA-256, zlib), from
  # Debian's own arm64 packages through multiarch.
  dpkg -s "${arm64_libs[@]}" >/dev/null 2>&1 || need+=("${arm64_libs[@]}")
  [ ${#need[@]} -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages (${need[*]}) and not root to install them" >&2
    return 2
  fi
  dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

lint_scripts() {
  shellcheck -x -P deploy deploy/install.sh deploy/uninstall.sh deploy/lib/*.sh deploy/ci/*.sh
}

lint_dockerfile() {
  local tool="$out/tools"
  if [ ! -x "$tool/node_modules/.bin/dockerfile-utils" ]; then
    mkdir -p "$tool"
    npm install --prefix "$tool" --no-audit --no-fund --silent dockerfile-utils@0.16.3 >/dev/null
  fi
  local problems
  problems=$("$tool/node_modules/.bin/dockerfile-utils" lint --json Dockerfile)
  if [ "$problems" != "[]" ]; then
    "$tool/node_modules/.bin/dockerfile-utils" lint Dockerfile >&2 || true
    echo "Dockerfile: the linter reports $problems" >&2
    return 1
  fi
  echo "Dockerfile: no problem reported by dockerfile-utils"
}

# The publish command exactly as the Dockerfile writes it, with its output folder replaced.
dockerfile_publish() { # dockerfile_publish RID OUT_DIR
  local rid=$1 dest=$2 command
  command=$(grep -o 'dotnet publish .* -o /out$' Dockerfile) || {
    echo "Dockerfile: no 'dotnet publish ... -o /out' line found" >&2; return 1; }
  command=${command% -o /out}
  rm -rf "$dest"
  echo "$command -o $dest   (rid=$rid)"
  rid=$rid eval "$command -o \"\$dest\"" >"$dest.log" 2>&1 || { tail -n 30 "$dest.log" >&2; return 1; }
  test -x "$dest/droneliquid"
}

mkdir -p "$out"
step "packages" packages
step "shellcheck" lint_scripts
step "Dockerfile lint" lint_dockerfile
if [ "$skip_publish" -eq 0 ]; then
  step "publish linux-x64 (Dockerfile command)" dockerfile_publish linux-x64 "$out/publish-linux-x64"
  step "publish linux-arm64 (Dockerfile command)" dockerfile_publish linux-arm64 "$out/publish-linux-arm64"
fi
step "install/uninstall in a throwaway root" deploy/ci/check-install.sh "$out/publish-linux-x64" "$out/publish-linux-arm64"
step "the unit under a live systemd (nspawn)" deploy/ci/check-systemd-live.sh "$out/publish-linux-x64"
step "linux-arm64 under qemu-user" deploy/ci/check-arm64.sh "$out/publish-linux-arm64" "$out/publish-linux-x64"
summary
