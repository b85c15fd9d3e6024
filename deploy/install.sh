#!/usr/bin/env bash
# Install a published DroneLiquid build as a systemd service:
#   /opt/droneliquid                 the self-contained build (executable, native libraries, models/)
#   /etc/droneliquid/appsettings.json configuration (never overwritten once there)
#   /var/lib/droneliquid/flights     flight records, owned by the service user
#   /etc/systemd/system/droneliquid.service and /etc/sysusers.d/droneliquid.conf
# Idempotent: running it again with the same build changes nothing; with a new build it swaps
# /opt/droneliquid in one rename (a running service keeps its open files until it is restarted).
set -euo pipefail

readonly unit_name=droneliquid.service
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/elf-arch.sh
. "$here/lib/elf-arch.sh"
# shellcheck source=lib/target-root.sh
. "$here/lib/target-root.sh"

usage() {
  cat <<'EOF'
usage: sudo deploy/install.sh [options] [PUBLISH_DIR]

Installs the build in PUBLISH_DIR (default ./publish), made by
  dotnet publish src/DroneLiquid.Service -c Release -r linux-arm64 --self-contained -o publish

options:
  --config FILE  configuration to install as /etc/droneliquid/appsettings.json when none is there yet
                 (default: PUBLISH_DIR/appsettings.json when it exists)
  --now          start the service now, or restart it when it runs (to switch to a new build)
  --root DIR     install into DIR instead of / (an image or a test); never calls systemctl
  --arch ARCH    the target machine's architecture (x86_64, aarch64, arm) when it is not this one
  -h, --help     this text
EOF
}

fail() { echo "install.sh: $*" >&2; exit 2; }

root="" config="" arch="" start_now=0 publish=./publish
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || fail "--root needs a directory"; root=$2; shift 2 ;;
    --config) [ $# -ge 2 ] || fail "--config needs a file"; config=$2; shift 2 ;;
    --arch) [ $# -ge 2 ] || fail "--arch needs x86_64, aarch64 or arm"; arch=$(normalize_arch "$2"); shift 2 ;;
    --now) start_now=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) fail "unknown option '$1' (see --help)" ;;
    *) publish=$1; shift ;;
  esac
done

check_target_root "$0"
# Ownership is set only when we are root (a non-root --root install keeps the caller's).
chown_if_root() { if [ "$(id -u)" -eq 0 ]; then chown "$@"; fi; }

# The build: a folder with the droneliquid executable for this machine's architecture.
[ -d "$publish" ] || fail "publish folder '$publish' not found; build it with: dotnet publish src/DroneLiquid.Service -c Release -r linux-arm64 --self-contained -o publish"
exe="$publish/droneliquid"
if [ ! -f "$exe" ] || [ ! -x "$exe" ]; then
  fail "'$exe' is missing or not executable; expected a 'dotnet publish' output folder"
fi
build_arch=$(elf_arch "$exe") || fail "'$exe' is not an ELF executable (expected a linux-x64 or linux-arm64 publish)"
[ -n "$arch" ] || arch=$(machine_arch)
if [ "$build_arch" != "$arch" ]; then
  fail "'$exe' is built for $build_arch ($(rid_of "$build_arch")) but the machine is $arch; publish with -r $(rid_of "$arch"), or pass --arch $build_arch to stage for another machine"
fi
if [ -n "$config" ]; then
  [ -f "$config" ] || fail "--config $config: no such file"
elif [ -f "$publish/appsettings.json" ]; then
  config="$publish/appsettings.json"
fi

# The user and its device groups (systemd-sysusers: declarative, idempotent, works on an offline root).
command -v systemd-sysusers >/dev/null || fail "systemd-sysusers not found: this installer needs systemd (Debian/Raspberry Pi OS/Ubuntu/Jetson Linux)"
install -d -m 0755 "$root/etc/sysusers.d" "$root/etc/systemd/system"
install -m 0644 "$here/systemd/droneliquid.sysusers" "$root/etc/sysusers.d/droneliquid.conf"
sysusers=(systemd-sysusers)
[ -z "$root" ] || sysusers+=(--root="$root")
"${sysusers[@]}" droneliquid.conf
# gpio exists on Raspberry Pi OS and Jetson Linux; elsewhere there is no GPIO character device group to join.
if grep -q '^gpio:' "$root/etc/group"; then
  "${sysusers[@]}" --inline 'm droneliquid gpio'
fi
uid=$(grep '^droneliquid:' "$root/etc/passwd" | cut -d: -f3)
gid=$(grep '^droneliquid:' "$root/etc/group" | cut -d: -f3)
if [ -z "$uid" ] || [ -z "$gid" ]; then fail "user droneliquid was not created in $root/etc/passwd"; fi

owned() { # owned UID:GID MODE DIR...: create directories with that owner and mode
  local owner=$1 mode=$2; shift 2
  install -d -m "$mode" "$@"
  chown_if_root "$owner" "$@"
}

# The build, swapped in by rename so that no file of a running service is rewritten in place.
install -d -m 0755 "$root/opt"
stage="$root/opt/.droneliquid.new" old="$root/opt/.droneliquid.old"
rm -rf "$stage" "$old"
cp -R "$publish" "$stage"
chmod -R u+rwX,go+rX,go-w "$stage"
chown_if_root -R 0:0 "$stage"
[ ! -e "$root/opt/droneliquid" ] || mv "$root/opt/droneliquid" "$old"
mv "$stage" "$root/opt/droneliquid"
rm -rf "$old"
echo "installed $build_arch build from $publish to $root/opt/droneliquid"

# Configuration: readable by the service, never replaced (it is the operator's).
owned "0:$gid" 0750 "$root/etc/droneliquid"
target="$root/etc/droneliquid/appsettings.json"
if [ -e "$target" ]; then
  if [ -n "$config" ] && ! cmp -s "$config" "$target"; then
    echo "kept the existing $target; it differs from $config (compare: diff $config $target)"
  fi
elif [ -n "$config" ]; then
  install -m 0640 "$config" "$target"
  chown_if_root "0:$gid" "$target"
  echo "installed configuration $config as $target"
else
  echo "warning: no configuration installed; copy one of deploy/config/*.json to $target before starting" >&2
fi

# Flight records.
owned "$uid:$gid" 0750 "$root/var/lib/droneliquid" "$root/var/lib/droneliquid/flights"

# The unit, enabled at boot.
install -m 0644 "$here/systemd/$unit_name" "$root/etc/systemd/system/$unit_name"
if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable "$unit_name"
  if [ "$start_now" -eq 1 ]; then
    systemctl restart "$unit_name"
    echo "started $unit_name; follow it with: journalctl -u droneliquid -f"
  elif systemctl is-active --quiet "$unit_name"; then
    echo "$unit_name is running the previous build; switch with: sudo systemctl restart droneliquid"
  else
    echo "enabled $unit_name (starts at boot); start it now with: sudo systemctl start droneliquid"
  fi
else
  # No running systemd (an image being prepared, a container, a test root): enable as systemctl would.
  install -d -m 0755 "$root/etc/systemd/system/multi-user.target.wants"
  ln -sfn "/etc/systemd/system/$unit_name" "$root/etc/systemd/system/multi-user.target.wants/$unit_name"
  [ "$start_now" -eq 0 ] || echo "warning: --now ignored: systemd is not running here" >&2
  echo "enabled $unit_name in ${root:-/} (systemd is not running here, so nothing was started)"
fi
