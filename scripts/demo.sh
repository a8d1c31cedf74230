#!/usr/bin/env bash
# The main job on the bundled fixtures: annotate sample mentions with the built-in Spotify
# support pack and print the annotated JSON Lines. Extra arguments go to `earshot match`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product earshot >&2
.build/release/earshot match "$@" < Fixtures/mentions/generic.jsonl
