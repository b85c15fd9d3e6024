# shellcheck shell=bash
# The target of install.sh/uninstall.sh (sourced, not run): / by default, or the directory given with --root.

# check_target_root SCRIPT: validates the global $root set from --root and normalises it to an absolute
# path ("" stands for /). Without --root the caller must be root. Uses the script's own fail().
check_target_root() {
  if [ -n "$root" ]; then
    [ -d "$root" ] || fail "--root $root: no such directory"
    root=$(cd "$root" && pwd)
    [ "$root" != / ] || root=""
  elif [ "$(id -u)" -ne 0 ]; then
    fail "must run as root (sudo $1 ...), or with --root DIR to work on a staging directory"
  fi
}
