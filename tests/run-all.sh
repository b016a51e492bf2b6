#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: static checks, unit tests, a build, API tests on the
# embedded database (and on a PostgreSQL server when PEAKPLAN_TEST_DATABASE_URL is set), browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC NX_DAEMON=false NX_NO_CLOUD=true

step() { printf '\n=== %s\n' "$*"; }

step 'typecheck' && npm run -s typecheck
step 'lint' && npm run -s lint
step 'format' && npm run -s format:check
step 'unit tests' && npx jest --config jest.config.js --selectProjects forecasting contracts frontend-unit backend-unit
step 'build' && npm run -s build
step 'API tests on embedded PostgreSQL' && env -u DATABASE_URL npx jest --config jest.config.js --selectProjects api --runInBand
if [ -n "${PEAKPLAN_TEST_DATABASE_URL:-}" ]; then
  step "API tests on PostgreSQL server" && DATABASE_URL="$PEAKPLAN_TEST_DATABASE_URL" npx jest --config jest.config.js --selectProjects api --runInBand
else
  echo 'PEAKPLAN_TEST_DATABASE_URL not set: API tests on a PostgreSQL server skipped (CI sets it).'
fi
step 'browser end-to-end tests' && npx jest --config jest.config.js --selectProjects e2e --runInBand
echo 'all test steps passed'
