#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs what the tests need from apt when it is
# missing (as root, or through sudo), then runs the whole suite once.
set -euo pipefail
cd "$(dirname "$0")/.."

bash eng/install-test-deps.sh

dotnet test Streaming.Generators.sln -c Release "$@"
