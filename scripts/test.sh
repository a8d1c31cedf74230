#!/usr/bin/env bash
# Runs the whole test suite (unit, conformance, differential, CLI process tests).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --browser
swift build --build-tests
swift test --skip-build
