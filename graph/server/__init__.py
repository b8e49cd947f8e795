"""The project's own local Neo4j server: assemble it from Maven Central, configure,
start, stop and report on it.

No Docker and no neo4j.com tarball are needed: the tarball's `lib/` is Neo4j's own
modules and their dependencies, all on Maven Central, so a generated pom and
`mvn dependency:copy-dependencies` rebuild it in NEO4J_HOME (default `.neo4j/`,
git-ignored). The server is then started with the tarball's own launcher class.

Layout of NEO4J_HOME: `lib/` (jars), `conf/neo4j.conf` (written from settings),
`data/`, `logs/`, `run/` (pid file), `import/`, `plugins/`, `password` (the
generated password, mode 600, only when NEO4J_PASSWORD is not set) and
`pom.xml` (the generated pom).

When NEO4J_URI is set (`settings.managed` is False) nothing here installs or
starts anything: the project uses that server instead.

One module per concern, each importing only the ones before it:
- home: NEO4J_HOME and its sub-directories;
- password: the generated password (all graph.driver needs from here);
- jvm: the java binary, the launcher classes, recognising our server's process;
- install: the pinned versions, the pom and conf templates beside this file
  (pom.xml, neo4j.conf), the jars, the initial password;
- process: start, stop and status.

This face stays empty on purpose: importing graph.server.password (the driver
does) must not load the rest.
"""
