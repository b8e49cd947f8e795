#!/usr/bin/env bash
# Set up (scripts/setup.sh), start the local Neo4j, create the schema and run
# the whole test suite against it. Arguments go to pytest. The server is
# stopped on exit, whatever happens; the exit code is pytest's (and "no tests
# collected", pytest's 5, counts as a failure).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The offline-docs test renders /docs in a real headless Chromium (Debian's).
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium for the docs test"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test.sh: the docs test needs chromium on PATH: run 'sudo apt-get install -y chromium'" >&2
  fi
fi

# shellcheck source=scripts/neo4j-session.sh
. scripts/neo4j-session.sh test.sh

# The lint habits (rules in pyproject.toml) before the tests: a lint failure fails the run.
ruff check api graph ingest tests benchmarks scripts

set +e
python -m pytest "$@"
code=$?
set -e
if [[ $code -eq 5 ]]; then
  echo "test.sh: pytest collected no tests; counting that as a failure" >&2
  code=1
fi
exit "$code"
