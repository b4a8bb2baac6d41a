#!/usr/bin/env bash
# Installs the given Debian packages that are missing (with sudo when not root).
# Without arguments: what building Jobtausch needs (a C++ toolchain, cmake and libclang for
# the HiGHS solver that the matching engine compiles from source; OpenSSL for mail over TLS).
set -euo pipefail
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(g++ cmake libclang-dev libssl-dev pkg-config)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
