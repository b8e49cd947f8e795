"""The local server's password: NEO4J_PASSWORD when set, else one generated at
install time and kept in HOME/password (mode 600). graph.driver reads it from
here, and only from here."""

from __future__ import annotations

import os
import secrets
import string
from pathlib import Path

from graph.errors import Neo4jServerError
from graph.server.home import Log, home_dir
from graph.settings import Neo4jSettings

MIN_PASSWORD_LENGTH = 8  # Neo4j's default dbms.security.auth_minimum_password_length
_PASSWORD_ALPHABET = string.ascii_letters + string.digits
GENERATED_PASSWORD_LENGTH = 24


def password_file(settings: Neo4jSettings) -> Path:
    return home_dir(settings) / "password"


def read_password(settings: Neo4jSettings) -> str:
    """The password of the local server: NEO4J_PASSWORD when set, else the one
    generated at install time and kept in HOME/password."""
    if settings.password is not None:
        return settings.password.get_secret_value()
    path = password_file(settings)
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise Neo4jServerError(
            f"No password for the local Neo4j server: {path} does not exist and NEO4J_PASSWORD "
            "is not set. Run `geokg neo4j install` (it generates one), or set NEO4J_PASSWORD."
        ) from None


def ensure_password(settings: Neo4jSettings, log: Log) -> str:
    """NEO4J_PASSWORD checked against what Neo4j accepts, else the generated one
    (generated now when HOME/password does not exist yet)."""
    if settings.password is not None:
        password = settings.password.get_secret_value()
        if len(password) < MIN_PASSWORD_LENGTH:
            raise Neo4jServerError(
                f"NEO4J_PASSWORD is {len(password)} characters; Neo4j requires at least "
                f"{MIN_PASSWORD_LENGTH}. Choose a longer one."
            )
        if password.startswith("-"):
            # neo4j-admin's option parser would take it for an option and fail.
            raise Neo4jServerError(
                "NEO4J_PASSWORD starts with '-', which neo4j-admin reads as an option. "
                "Choose a password that does not start with '-'."
            )
        return password
    path = password_file(settings)
    if path.exists():
        return read_password(settings)
    # Letters and digits only: a token_urlsafe password can start with '-',
    # which neo4j-admin set-initial-password takes for an option.
    password = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(GENERATED_PASSWORD_LENGTH))
    # Create with mode 600 from the start, so it is never readable by others.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(password + "\n")
    log(f"Generated a password for user '{settings.user}' in {path} (mode 600).")
    return password
