"""`geokg neo4j install|start|stop|status` (the project's own local Neo4j server)
and `geokg init` (the graph's constraints and indexes)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Optional

import typer

if TYPE_CHECKING:
    from graph.settings import Neo4jSettings

neo4j_app = typer.Typer(
    help="The project's local Neo4j server (in NEO4J_HOME, default .neo4j/). "
    "Does nothing when NEO4J_URI points at an existing server.",
    no_args_is_help=True,
)


def _fail(message: str) -> NoReturn:
    typer.secho(message, err=True, fg=typer.colors.RED)
    raise typer.Exit(1)


@neo4j_app.command("install")
def install_cmd(
    force: bool = typer.Option(False, "--force", help="Fetch the jars again even when installed."),
    maven_repo: Optional[Path] = typer.Option(
        None, "--maven-repo", help="Maven repository to use instead of ~/.m2/repository."
    ),
) -> None:
    """Assemble Neo4j (jars from Maven Central), write its conf, set its password."""
    from graph.server import install
    from graph.errors import Neo4jServerError
    from graph.settings import Neo4jSettings

    args = [f"-Dmaven.repo.local={maven_repo.resolve()}"] if maven_repo else []
    try:
        install.install(Neo4jSettings(), maven_args=args, force=force, log=typer.echo)
    except Neo4jServerError as e:
        _fail(str(e))


@neo4j_app.command("start")
def start_cmd() -> None:
    """Start the server in the background and wait until Bolt answers (installs first if needed)."""
    from graph.server import process
    from graph.errors import Neo4jServerError
    from graph.settings import Neo4jSettings

    settings = Neo4jSettings()
    try:
        st = process.start(settings, log=typer.echo)
    except Neo4jServerError as e:
        _fail(str(e))
    if settings.managed:
        typer.echo(f"Bolt: {st.uri}   Browser: {st.http_url}   user: {settings.user}")
        typer.echo(_password_hint(settings))


@neo4j_app.command("stop")
def stop_cmd() -> None:
    """Stop the server cleanly (SIGTERM, then wait)."""
    from graph.server import process
    from graph.errors import Neo4jServerError
    from graph.settings import Neo4jSettings

    try:
        process.stop(Neo4jSettings(), log=typer.echo)
    except Neo4jServerError as e:
        _fail(str(e))


@neo4j_app.command("status")
def status_cmd() -> None:
    """Say whether the server is installed, running and answering. Exit 0 when it answers, 3 otherwise."""
    from graph.server import process
    from graph.settings import Neo4jSettings

    settings = Neo4jSettings()
    st = process.status(settings)
    typer.echo(st.message)
    if st.managed:
        typer.echo(f"home: {st.home}   Bolt: {st.uri}   Browser: {st.http_url}")
        if st.installed:
            typer.echo(_password_hint(settings))
        if not st.bolt_answers:
            raise typer.Exit(3)


def _password_hint(settings: Neo4jSettings) -> str:
    from graph.server import password

    if settings.password is not None:
        return "password: from NEO4J_PASSWORD"
    return f"password: in {password.password_file(settings)}"


def init_cmd(
    reference: bool = typer.Option(
        False,
        "--reference/--no-reference",
        help="Also load the reference backbone: countries, capitals (CAPITAL_OF) and land "
        "borders (BORDERS) from the data packages, marked source='reference'.",
    ),
) -> None:
    """Create the graph's uniqueness constraints and indexes (running it twice is harmless)."""
    from graph.driver import create_driver, verify
    from graph.errors import GraphError
    from graph.schema import ensure_schema
    from graph.settings import Neo4jSettings

    settings = Neo4jSettings()
    try:
        driver = create_driver(settings)
    except GraphError as e:
        _fail(str(e))
    try:
        verify(driver, settings)
        ensure_schema(driver, settings.database)
        if reference:
            from graph.reference import load_reference

            report = load_reference(driver, settings.database)
            typer.echo(
                f"Reference backbone: {report.countries} countries, {report.capitals} capitals, "
                f"{report.borders} borders ({report.seconds:.1f} s)."
            )
    except GraphError as e:
        _fail(str(e))
    finally:
        driver.close()
    typer.echo(f"Schema ensured on {settings.effective_uri} (database '{settings.database}').")


def register(app: typer.Typer) -> None:
    app.add_typer(neo4j_app, name="neo4j")
    app.command("init")(init_cmd)
