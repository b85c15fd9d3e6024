# shellcheck shell=bash
# Step timing for the CI checks (sourced, not run).

# now_ns: a timestamp for seconds_since.
now_ns() { date +%s%N; }

# seconds_since START_NS: the time since START_NS in seconds with one decimal ("12.3").
seconds_since() {
  local ms=$((($(date +%s%N) - $1) / 1000000))
  printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}
