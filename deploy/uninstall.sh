#!/usr/bin/env bash
# Remove what deploy/install.sh installed. Flight records (/var/lib/droneliquid), the configuration
# (/etc/droneliquid) and the droneliquid user (which owns the records) stay unless --purge is given.
set -euo pipefail

readonly unit_name=droneliquid.service
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/target-root.sh
. "$here/lib/target-root.sh"

usage() {
  cat <<'EOF'
usage: sudo deploy/uninstall.sh [--purge] [--root DIR]

  --purge     also delete the flight records, the configuration and the droneliquid user and group
  --root DIR  uninstall from DIR instead of / (an image or a test); never calls systemctl
  -h, --help  this text
EOF
}

fail() { echo "uninstall.sh: $*" >&2; exit 2; }

root="" purge=0
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || fail "--root needs a directory"; root=$2; shift 2 ;;
    --purge) purge=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done

check_target_root "$0"

if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  # Stop first: the service hands the vehicle back (Hold/Loiter or Land) before it exits.
  if systemctl list-unit-files --quiet "$unit_name" >/dev/null 2>&1; then
    systemctl disable --now "$unit_name" || true
  fi
fi
rm -f "$root/etc/systemd/system/multi-user.target.wants/$unit_name"
rmdir --ignore-fail-on-non-empty "$root/etc/systemd/system/multi-user.target.wants" 2>/dev/null || true
rm -f "$root/etc/systemd/system/$unit_name" "$root/etc/sysusers.d/droneliquid.conf"
rm -rf "$root/opt/droneliquid" "$root/opt/.droneliquid.new" "$root/opt/.droneliquid.old"
if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl reset-failed "$unit_name" 2>/dev/null || true
fi
echo "removed the service and /opt/droneliquid from ${root:-/}"

if [ "$purge" -eq 1 ]; then
  rm -rf "$root/etc/droneliquid" "$root/var/lib/droneliquid"
  userdel_args=() groupdel_args=()
  [ -z "$root" ] || { userdel_args=(--root "$root"); groupdel_args=(--root "$root"); }
  if grep -q '^droneliquid:' "$root/etc/passwd"; then userdel "${userdel_args[@]}" droneliquid; fi
  if grep -q '^droneliquid:' "$root/etc/group"; then groupdel "${groupdel_args[@]}" droneliquid; fi
  echo "purged the configuration, the flight records and the droneliquid user"
else
  echo "kept $root/etc/droneliquid, the flight records in $root/var/lib/droneliquid and the droneliquid user (--purge removes them)"
fi
