#!/usr/bin/env bash
# Set up (scripts/setup.sh), start the local Neo4j, create the schema and run
# the whole test suite against it. Arguments go to pytest. The server is
# stopped on exit, whatever happens; the exit code is pytest's (and "no tests
# collected", pytest's 5, counts as a failure).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/neo4j-session.sh
. scripts/neo4j-session.sh test.sh

set +e
python -m pytest "$@"
code=$?
set -e
if [[ $code -eq 5 ]]; then
  echo "test.sh: pytest collected no tests; counting that as a failure" >&2
  code=1
fi
exit "$code"
