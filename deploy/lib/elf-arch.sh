# shellcheck shell=bash
# Architecture helpers shared by install.sh and the CI checks (sourced, not run).
# Architectures are named as uname -m names them: x86_64, aarch64, arm (32-bit ARM).

# normalize_arch NAME: x86_64/amd64 -> x86_64, aarch64/arm64 -> aarch64, armv7l/armhf/... -> arm.
normalize_arch() {
  case "$1" in
    x86_64|amd64) echo x86_64 ;;
    aarch64|arm64) echo aarch64 ;;
    arm|armhf|armel|armv6l|armv7l|armv8l) echo arm ;;
    *) echo "$1" ;;
  esac
}

# machine_arch: the architecture of this machine's userland. dpkg tells it where uname -m does not:
# 32-bit Raspberry Pi OS on a 64-bit kernel says aarch64 but cannot run arm64 programs.
machine_arch() {
  if command -v dpkg >/dev/null 2>&1; then
    normalize_arch "$(dpkg --print-architecture)"
  else
    normalize_arch "$(uname -m)"
  fi
}

# elf_arch FILE: the architecture an ELF executable is built for, from its header (e_machine at
# offset 18, little-endian); fails when FILE is not ELF.
elf_arch() {
  local magic bytes machine
  magic=$(od -An -t x1 -N 4 "$1" 2>/dev/null | tr -d ' \n')
  [ "$magic" = 7f454c46 ] || return 1
  read -r -a bytes <<<"$(od -An -t u1 -j 18 -N 2 "$1")"
  machine=$((bytes[0] + 256 * bytes[1]))
  case "$machine" in
    62) echo x86_64 ;;
    183) echo aarch64 ;;
    40) echo arm ;;
    *) echo "elf-machine-$machine" ;;
  esac
}

# rid_of ARCH: the .NET runtime identifier that builds for ARCH.
rid_of() {
  case "$1" in
    x86_64) echo linux-x64 ;;
    aarch64) echo linux-arm64 ;;
    arm) echo linux-arm ;;
    *) echo "linux-$1" ;;
  esac
}
