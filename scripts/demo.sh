#!/usr/bin/env bash
# The main job on this machine: set up, start the local Neo4j, create the
# schema, ingest articles (the paths given, else the sample corpora in
# ../shared/corpus when present), then serve the API on port 8000 in the
# foreground. Ctrl-C stops the API and then Neo4j.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/neo4j-session.sh
. scripts/neo4j-session.sh demo.sh --reference

shared="../shared/corpus"
if [[ $# -gt 0 ]]; then
  paths=("$@")
elif [[ -d "$shared" ]]; then
  paths=()
  [[ -d "$shared/seed" ]] && paths+=("$shared/seed")
  [[ -d "$shared/wikinews" ]] && paths+=("$shared/wikinews")
else
  paths=()
  echo "demo.sh: no paths given and $shared does not exist; nothing to ingest." >&2
  echo "         Pass article files or directories: bash scripts/demo.sh PATH..." >&2
fi

if [[ ${#paths[@]} -gt 0 ]]; then
  echo "demo.sh: ingesting ${paths[*]}"
  geokg ingest "${paths[@]}"
fi

port="${GEOKG_API_PORT:-8000}"
echo
geokg neo4j status  # Bolt and Browser URLs, and where the password is
echo "Browser: open http://localhost:${NEO4J_HTTP_PORT:-7474}/browser/ and log in as ${NEO4J_USER:-neo4j} with that password."
echo "API:     http://localhost:${port}/docs   (Ctrl-C stops the API, then Neo4j)"
echo
geokg serve --port "$port"
