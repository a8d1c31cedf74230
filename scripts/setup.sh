#!/usr/bin/env bash
# Installs the C libraries Earshot builds against (Debian/Ubuntu): PCRE2 and utf8proc, plus
# pkg-config; with --browser also Chromium (the HTML report's browser test). Does nothing when
# they are already there. Swift itself must be on PATH.
set -euo pipefail
need=()
if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then need+=(chromium); fi
[ -f /usr/include/pcre2.h ] || need+=(libpcre2-dev)
[ -f /usr/include/utf8proc.h ] || need+=(libutf8proc-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  echo "earshot setup: installing ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "earshot setup: swift is not on PATH (install Swift 6.1 or newer)" >&2; exit 2; }
