# Sourced by test.sh and demo.sh (not run on its own): set up the project,
# activate the venv, start the local Neo4j and create the schema, and arrange
# for the server to stop when the calling script exits, whatever happens.
# Usage: . scripts/neo4j-session.sh <caller-name> [geokg init options...]
session_caller="$1"
shift

bash scripts/setup.sh
# shellcheck disable=SC1091
. .venv/bin/activate
unset JAVA_OPTS

stop_neo4j() {
  geokg neo4j stop || echo "$session_caller: could not stop Neo4j; run 'geokg neo4j stop'" >&2
}
trap stop_neo4j EXIT
trap 'exit 130' INT TERM  # exit through the EXIT trap on Ctrl-C / kill too

geokg neo4j start
geokg init "$@"
