#!/usr/bin/env bash
# Regenerates the golden files of the sample engagement after an intended output change.
# Review `git diff Tests/NinesKitTests/Fixtures/golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
NINES_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests
git status --short Tests/NinesKitTests/Fixtures/golden
