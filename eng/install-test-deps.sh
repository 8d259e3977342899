#!/usr/bin/env bash
# Installs the system packages the tests use, if they are missing. Idempotent.
set -euo pipefail

# what-to-check:apt-package — a command on PATH, or an absolute path (a glob is fine).
needs=(
  "curl:curl"
  "/usr/bin/chromium:chromium"              # the sample page in a headless browser
  "/usr/sbin/nginx:nginx"                   # the sample behind a reverse proxy
  "/usr/lib/postgresql/*/bin/initdb:postgresql"  # the sample on a PostgreSQL server (tests start their own)
  "clang:clang"                             # NativeAOT links with clang ...
  "/usr/include/zlib.h:zlib1g-dev"          # ... and zlib
)

present() {
  case "$1" in
    /*) compgen -G "$1" >/dev/null ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for need in "${needs[@]}"; do
  present "${need%%:*}" || missing+=("${need##*:}")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Installing ${missing[*]} needs root (or sudo)." >&2; exit 1; }
  sudo="sudo"
fi

echo "Installing ${missing[*]} ..."
$sudo apt-get update -qq
# Installing a server package must not start its service: the tests start their own, on free ports.
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod +x "$policy"
  created_policy=1
fi
trap 'if [ -n "$created_policy" ]; then $sudo rm -f "$policy"; fi' EXIT
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
