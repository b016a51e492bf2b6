#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: static checks, unit tests, a build, API tests on the
# embedded database (and on a PostgreSQL server when PEAKPLAN_TEST_DATABASE_URL is set), browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC NX_DAEMON=false NX_NO_CLOUD=true
results=$(mktemp -d)
started=$(date +%s)

step() { printf '\n=== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }
jest_step() {
  local name=$1
  shift
  npx jest --config jest.config.js --json --outputFile="$results/$name.json" "$@"
}

step 'typecheck' && npm run -s typecheck
step 'lint' && npm run -s lint
step 'format' && npm run -s format:check
step 'unit tests' && jest_step unit --selectProjects forecasting contracts frontend-unit backend-unit
step 'build' && npm run -s build
step 'API tests on embedded PostgreSQL' && (unset DATABASE_URL && jest_step api-embedded --selectProjects api --runInBand)
if [ -n "${PEAKPLAN_TEST_DATABASE_URL:-}" ]; then
  step 'API tests on the PostgreSQL server'
  DATABASE_URL="$PEAKPLAN_TEST_DATABASE_URL" jest_step api-server --selectProjects api --runInBand
else
  echo 'PEAKPLAN_TEST_DATABASE_URL is not set: the API tests ran on embedded PostgreSQL only (CI sets it).'
fi
step 'browser end-to-end tests'
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo 'chromium is missing: installing it (apt-get install chromium)'
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo 'The browser tests need Chromium at /usr/bin/chromium: run "sudo apt-get install -y chromium".' >&2
    exit 1
  fi
fi
jest_step e2e --selectProjects e2e --runInBand

step 'summary'
node -e '
  const fs = require("fs"), path = require("path");
  let passed = 0, failed = 0, skipped = 0;
  for (const file of fs.readdirSync(process.argv[1])) {
    const result = JSON.parse(fs.readFileSync(path.join(process.argv[1], file), "utf8"));
    passed += result.numPassedTests; failed += result.numFailedTests; skipped += result.numPendingTests;
    console.log(`${file.replace(".json", "")}: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests} skipped`);
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results"
