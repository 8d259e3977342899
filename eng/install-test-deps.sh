#!/usr/bin/env bash
# Installs the Debian packages the tests use beyond the .NET SDK, when they are missing. Idempotent: it does
# nothing when everything is present. Needs root, or sudo; eng/test.sh (and so CI) runs it first.
#   curl        the README's commands are checked as a user would run them
#   chromium    a real browser: EventSource for the Server-Sent Events tests, and the sample's page
#   nginx       the sample behind a reverse proxy
#   postgresql  the sample on a PostgreSQL server (the tests start their own, on a free port)
#   clang, zlib1g-dev  the linker and library a NativeAOT publish of the sample links with
set -euo pipefail

packages=(curl chromium nginx postgresql clang zlib1g-dev)

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

# Installing a server package must not start its service: the tests start their own servers, on free ports.
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod +x "$policy"
  created_policy=1
fi
trap 'if [ -n "$created_policy" ]; then $sudo rm -f "$policy"; fi' EXIT

echo "Installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
