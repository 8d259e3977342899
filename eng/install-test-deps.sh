#!/usr/bin/env bash
# Installs what the test suites need beyond the .NET SDK: Debian's chromium, for the browser test of
# Format.Sse (a real EventSource). Safe to run again: it does nothing when everything is present.
# Needs root (apt-get); CI runs it from .ci/run before the tests.
set -euo pipefail

packages=(chromium)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "Test dependencies already installed: ${packages[*]}"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Installing ${missing[*]} needs root: run 'sudo $0'." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y "${missing[@]}"
echo "Installed: ${missing[*]}"
