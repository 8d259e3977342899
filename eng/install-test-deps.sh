#!/usr/bin/env bash
# Installs the Debian packages the tests use beyond the .NET SDK, when they are missing. Idempotent: it does
# nothing when everything is present. Needs root, or sudo; eng/test.sh (and so CI) runs it first.
#   curl      the README's commands are checked as a user would run them
#   chromium  a real browser's EventSource for the Server-Sent Events tests
set -euo pipefail

packages=(curl chromium)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Installing ${missing[*]} needs root: run 'sudo $0'." >&2; exit 1; }
  sudo="sudo"
fi

echo "Installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
