#!/usr/bin/env bash
# install.sh and uninstall.sh in a throwaway root (no chroot, no systemctl):
#   - refusals: not root, wrong architecture, missing build, missing --config file (exit 2, one line)
#   - install twice: the tree (paths, modes, owners, contents) is identical, i.e. idempotent
#   - an edited configuration survives a reinstall
#   - systemd-analyze verify accepts the unit as installed
#   - uninstall keeps the configuration and records; --purge leaves nothing of ours
# usage: deploy/ci/check-install.sh PUBLISH_FOR_THIS_MACHINE PUBLISH_FOR_ANOTHER_ARCH
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
native=$1 foreign=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "check-install: $*" >&2; exit 1; }

# A root that looks like a fresh Debian system's /etc (its users and groups) and has no gpio group.
new_root() {
  local dir=$1
  mkdir -p "$dir/etc"
  cp -p /etc/passwd /etc/group /etc/shadow /etc/gshadow "$dir/etc/"
  sed -i '/^gpio:/d' "$dir/etc/group" "$dir/etc/gshadow"
}

# Every path with its type, mode, owner, size and content hash (link targets for symlinks).
snapshot() {
  (cd "$1" && find . -path ./etc/.pwd.lock -prune -o -printf '%p %y %m %U:%G %s %l\n' | sort) > "$2.meta"
  (cd "$1" && find . -type f ! -name .pwd.lock -print0 | sort -z | xargs -0 sha256sum) > "$2.sha"
  cat "$2.meta" "$2.sha" > "$2"
}

# refuses CASE EXPECTED_TEXT COMMAND...: exit code 2 and one line naming the problem.
refuses() {
  local what=$1 expected=$2 rc=0; shift 2
  "$@" >"$work/out" 2>"$work/err" || rc=$?
  [ "$rc" -eq 2 ] || fail "$what: exit $rc, expected 2 (stderr: $(cat "$work/err"))"
  [ "$(wc -l <"$work/err")" -eq 1 ] || fail "$what: expected one line on stderr, got: $(cat "$work/err")"
  grep -q -- "$expected" "$work/err" || fail "$what: '$(cat "$work/err")' does not say '$expected'"
  echo "refused ($what): $(cat "$work/err")"
}

root="$work/root"
new_root "$root"
printf '{ "DroneLiquid": { "example": true } }\n' > "$work/appsettings.json"

refuses "not root" "must run as root" setpriv --reuid=65534 --regid=65534 --clear-groups deploy/install.sh "$native"
refuses "wrong architecture" "built for" deploy/install.sh --root "$root" "$foreign"
refuses "no build" "not found" deploy/install.sh --root "$root" "$work/nothing"
refuses "missing config" "no such file" deploy/install.sh --root "$root" --config "$work/none.json" "$native"
refuses "uninstall not root" "must run as root" setpriv --reuid=65534 --regid=65534 --clear-groups deploy/uninstall.sh
[ -z "$(find "$root" -newer "$work/appsettings.json" -not -path "$root")" ] || fail "a refused install changed the root"

deploy/install.sh --root "$root" --config "$work/appsettings.json" "$native"
snapshot "$root" "$work/first"
deploy/install.sh --root "$root" --config "$work/appsettings.json" "$native"
snapshot "$root" "$work/second"
diff -u "$work/first" "$work/second" || fail "the second install changed the tree"
echo "idempotent: $(wc -l <"$work/first.meta") paths identical after a second install"

# What the first install must have made.
expect() { grep -q -- "$1" "$work/first.meta" || fail "install did not make: $1"; }
uid=$(grep '^droneliquid:' "$root/etc/passwd" | cut -d: -f3)
gid=$(grep '^droneliquid:' "$root/etc/group" | cut -d: -f3)
expect "^./opt/droneliquid/droneliquid f 755 0:0 "
expect "^./etc/droneliquid d 750 0:$gid "
expect "^./etc/droneliquid/appsettings.json f 640 0:$gid "
expect "^./var/lib/droneliquid d 750 $uid:$gid "
expect "^./var/lib/droneliquid/flights d 750 $uid:$gid "
expect "^./etc/systemd/system/droneliquid.service f 644 0:0 "
expect "^./etc/systemd/system/multi-user.target.wants/droneliquid.service l .* /etc/systemd/system/droneliquid.service$"
for group in dialout i2c video; do
  grep -Eq "^$group:[^:]*:[0-9]+:(.*,)?droneliquid(,|$)" "$root/etc/group" || fail "droneliquid is not in group $group"
done
grep -q '^droneliquid:.*:/usr/sbin/nologin$' "$root/etc/passwd" || fail "droneliquid must have no login shell"

# gpio is joined where it exists.
gpio_root="$work/gpio-root"
new_root "$gpio_root"
echo 'gpio:x:997:' >> "$gpio_root/etc/group"
echo 'gpio:!::' >> "$gpio_root/etc/gshadow"
deploy/install.sh --root "$gpio_root" "$native" >/dev/null 2>&1
grep -q '^gpio:x:997:droneliquid$' "$gpio_root/etc/group" || fail "droneliquid did not join the existing gpio group"

# The operator's configuration is never replaced.
echo '{ "edited": true }' > "$root/etc/droneliquid/appsettings.json"
deploy/install.sh --root "$root" --config "$work/appsettings.json" "$native" >"$work/out"
grep -q "kept the existing" "$work/out" || fail "a reinstall did not say it kept the edited configuration"
grep -q edited "$root/etc/droneliquid/appsettings.json" || fail "a reinstall replaced the edited configuration"

# The unit as installed: systemd-analyze verify, which also checks that ExecStart exists and is
# executable, so the installed /opt/droneliquid is made visible at /opt in a private mount namespace.
# shellcheck disable=SC2016 # $1 is expanded by the inner sh, on purpose
unshare -m --propagation private sh -c '
  mount -t tmpfs tmpfs /opt && mkdir /opt/droneliquid &&
  mount --bind "$1/opt/droneliquid" /opt/droneliquid &&
  systemd-analyze verify "$1/etc/systemd/system/droneliquid.service"' sh "$root" ||
  fail "systemd-analyze verify rejected the installed unit"
echo "systemd-analyze verify: the installed unit is accepted"
exposure=$(systemd-analyze security --offline=true "$root/etc/systemd/system/droneliquid.service" 2>/dev/null |
  sed -n 's/.*Overall exposure level for droneliquid.service: \([0-9.]*\).*/\1/p')
[ -n "$exposure" ] || fail "systemd-analyze security printed no exposure level"
echo "systemd-analyze security: exposure $exposure (0 = fully locked down, 10 = unprotected)"
# A regression guard: the hardening lines must stay (3.2 when written; above 4 means some were lost).
awk -v e="$exposure" 'BEGIN { exit !(e <= 4.0) }' || fail "exposure $exposure is above 4.0: hardening was lost"

# Uninstall keeps the operator's data; --purge removes everything of ours.
deploy/uninstall.sh --root "$root" >/dev/null
left=$(cd "$root" && find . -path '*droneliquid*' | sort | tr '\n' ' ')
[ "$left" = "./etc/droneliquid ./etc/droneliquid/appsettings.json ./var/lib/droneliquid ./var/lib/droneliquid/flights " ] ||
  fail "after uninstall, expected only the configuration and records, found: $left"
grep -q '^droneliquid:' "$root/etc/passwd" || fail "uninstall without --purge removed the user that owns the records"
deploy/uninstall.sh --root "$root" --purge >/dev/null
left=$(cd "$root" && find . -path '*droneliquid*' | sort | tr '\n' ' ')
[ -z "$left" ] || fail "after uninstall --purge, left: $left"
if grep -q droneliquid "$root/etc/passwd" "$root/etc/group" "$root/etc/shadow" "$root/etc/gshadow"; then
  fail "after uninstall --purge, the user or group droneliquid is still in $root/etc"
fi
echo "uninstall kept the configuration and records; --purge left nothing of droneliquid"
