#!/usr/bin/env bash
# Installs the system libraries turfwatch builds against when they are missing:
# libpcre2-dev (rules), zlib1g-dev (.gz input) and pkg-config (how SwiftPM finds them).
# Safe to run repeatedly; does nothing when everything is present. Needs root for apt-get.
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libpcre2-8; then need+=(libpcre2-dev); fi
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists zlib; then need+=(zlib1g-dev); fi
if [ ${#need[@]} -gt 0 ]; then
    echo "install-deps: installing ${need[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
