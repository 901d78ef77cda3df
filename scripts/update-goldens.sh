#!/usr/bin/env bash
# Regenerates the golden frames (Tests/ConsoleTests/Golden/*.txt) and README.md's two
# captures from the current rendering, then shows what changed. Run it after a change that
# alters what the console draws (or after merging one), read the diff, and commit it.
#
#   scripts/update-goldens.sh            # all goldens and the README captures
#
# It is `PEAT_UPDATE_GOLDEN=1 swift test --filter Golden`: the golden tests write instead of
# compare (and delete goldens no case renders any more).
set -euo pipefail
cd "$(dirname "$0")/.."
PEAT_UPDATE_GOLDEN=1 swift test --filter Golden
git status --short -- Tests/ConsoleTests/Golden README.md
