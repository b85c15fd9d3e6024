#!/usr/bin/env bash
# The unit under a real systemd: boot a throwaway container (systemd-nspawn, volatile: a tmpfs root over this
# machine's /usr, no network), then inside it
#   - install.sh on its live-systemd path (daemon-reload, enable)
#   - the installed x64 build under the unit's full sandbox (user, groups, ProtectSystem, DevicePolicy,
#     address families...): version, model check, ONNX Runtime export check, a simulated flight written to
#     /var/lib/droneliquid/flights, a MAVLink UDP server; writes outside the records refused; no ONNX
#     Runtime telemetry
#   - the watchdog: a stand-in main process says READY=1, pings WATCHDOG=1 three times and stalls; systemd
#     must kill it after WatchdogSec and restart it
#   - uninstall.sh --purge
# usage: deploy/ci/check-systemd-live.sh PUBLISH_DIR (for this machine's architecture). Needs root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$(pwd)
publish=$(cd "$1" && pwd)
reference="$repo/tests/DroneLiquid.Liquid.Tests/Reference"
work="$repo/artifacts/deploy/live"   # under the repository: the container sees it (read-only)
rm -rf "$work" && mkdir -p "$work"

fail() { echo "check-systemd-live: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (systemd-nspawn)"
command -v systemd-nspawn >/dev/null || fail "systemd-nspawn not found (apt-get install systemd-container)"
command -v python3 >/dev/null || fail "python3 not found (the watchdog stand-in is a Python script)"

# The stand-in for a service whose control tick stops: READY=1, three healthy pings, then silence.
cat > "$work/stall.py" <<'EOF'
import os, socket, time
address = os.environ["NOTIFY_SOCKET"]
if address.startswith("@"):
    address = "\0" + address[1:]
notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
notify.sendto(b"READY=1", address)
print("ready, WATCHDOG_USEC=" + os.environ.get("WATCHDOG_USEC", "unset"), flush=True)
for _ in range(3):
    time.sleep(1)
    notify.sendto(b"WATCHDOG=1", address)
print("stalled", flush=True)
time.sleep(600)
EOF

machine="droneliquid-check-$$"
systemd-nspawn -D / --volatile=yes --private-network --register=no --keep-unit --machine="$machine" \
  --console=passive --bind-ro="$repo" -b systemd.firstboot=off >"$work/nspawn.log" 2>&1 &
nspawn=$!
trap 'kill "$nspawn" 2>/dev/null; wait "$nspawn" 2>/dev/null || true' EXIT

leader=""
for _ in $(seq 1 60); do
  leader=$(pgrep -P "$nspawn" | head -n 1 || true)
  if [ -n "$leader" ]; then
    state=$(timeout 5 nsenter -t "$leader" -a systemctl is-system-running 2>/dev/null || true)
    case "$state" in running|degraded) break ;; esac
  fi
  sleep 1
done
[ -n "$leader" ] || { cat "$work/nspawn.log" >&2; fail "the container did not start"; }
inside() { timeout 120 nsenter -t "$leader" -a "$@"; }
echo "container booted (systemd $(inside systemctl is-system-running || true))"

# The service's inputs where its sandbox can read them (the repository may be under /tmp, which PrivateTmp hides).
inputs=/srv/droneliquid-check
# shellcheck disable=SC2016 # expanded by the inner sh, on purpose
inside sh -c 'mkdir -p "$1" && cp "$2"/wiredcfc_autoncp19.json "$2"/cfc_default.json "$3" "$4" "$1"/' sh \
  "$inputs" "$reference" "$repo/sim/scenarios/urban-street.json" "$work/stall.py"

inside "$repo/deploy/install.sh" "$publish" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "install.sh failed"; }
[ "$(inside systemctl is-enabled droneliquid)" = enabled ] || fail "install.sh did not enable the unit"
echo "install.sh: installed and enabled through the running systemd"

# dropin NAME < text: replace the unit's test drop-in (the ExecStart of the real service needs a configuration
# and an autopilot; these checks exercise the unit's sandbox and watchdog, not the service).
dropin() {
  inside sh -c 'mkdir -p /etc/systemd/system/droneliquid.service.d && cat > /etc/systemd/system/droneliquid.service.d/check.conf && systemctl daemon-reload'
}

dropin <<EOF
[Service]
Type=oneshot
WatchdogSec=0
Restart=no
ExecStart=
ExecStart=/opt/droneliquid/droneliquid version
ExecStart=/opt/droneliquid/droneliquid model check $inputs/wiredcfc_autoncp19.json
ExecStart=/opt/droneliquid/droneliquid model export-onnx $inputs/cfc_default.json /var/lib/droneliquid/flights/step.onnx
ExecStart=/opt/droneliquid/droneliquid sim run --scenario $inputs/urban-street.json --out /var/lib/droneliquid/flights/sim
ExecStart=/opt/droneliquid/droneliquid sim --autopilot px4 --world empty --duration 2 --camera-port -1 --out /var/lib/droneliquid/flights/serve
ExecStart=/bin/sh -c 'if touch /opt/droneliquid/x /etc/droneliquid/x 2>/dev/null; then exit 1; fi'
ExecStart=/bin/sh -c 'test "\$(id -un)" = droneliquid && id -Gn | grep -qw dialout && id -Gn | grep -qw i2c && id -Gn | grep -qw video'
EOF
inside systemctl start droneliquid || {
  inside journalctl -u droneliquid --no-pager -n 40 >&2; fail "the build failed inside the unit's sandbox"; }
inside test -s /var/lib/droneliquid/flights/sim/summary.json || fail "no flight record written under the sandbox"
if inside journalctl -u droneliquid --no-pager -o cat | grep -i 'telemetry'; then
  fail "ONNX Runtime telemetry is still active under the unit (ORT_DISABLE_TELEMETRY)"
fi
echo "sandbox: .NET, ONNX Runtime, a simulated flight and a MAVLink UDP server ran as droneliquid; /opt and /etc read-only"

inside systemctl reset-failed droneliquid 2>/dev/null || true
dropin <<EOF
[Service]
ExecStart=
ExecStart=/usr/bin/python3 $inputs/stall.py
EOF
inside systemctl start droneliquid || fail "the notify stand-in did not start (READY=1 not accepted)"
for _ in $(seq 1 30); do
  restarts=$(inside systemctl show droneliquid -p NRestarts --value)
  [ "$restarts" -ge 1 ] && break
  sleep 1
done
journal=$(inside journalctl -u droneliquid --no-pager -o cat)
grep -q 'Watchdog timeout (limit 2s)' <<<"$journal" || { echo "$journal" >&2; fail "no watchdog timeout after the stall"; }
[ "$restarts" -ge 1 ] || fail "the service was not restarted after the watchdog timeout"
echo "watchdog: a stalled main process was killed after 2 s and restarted ($restarts restart(s))"

inside systemctl stop droneliquid
inside "$repo/deploy/uninstall.sh" --purge >/dev/null
if inside systemctl cat droneliquid >/dev/null 2>&1; then fail "the unit is still known after uninstall --purge"; fi
inside sh -c '! id droneliquid 2>/dev/null' || fail "the droneliquid user survived --purge"
echo "uninstall.sh --purge: unit, build and user gone from the live system"
