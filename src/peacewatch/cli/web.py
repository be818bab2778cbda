"""``peacewatch serve``: the web UI and REST API over a database, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from peacewatch.cli.common import DbOpt, _errors, app, err
from peacewatch.errors import EXIT_OK
from peacewatch.store import database_path, open_store


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but loopback exposes the data.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the map, timeline, charts and event pages, and the REST API (/docs), until Ctrl-C.

    Reads need no token. Writes (POST /api/ingest/..., /api/commitments) need
    Authorization: Bearer <PEACEWATCH_TOKEN>; without that variable they are disabled.
    """
    # imported here so that the other commands start without loading the web stack
    import uvicorn

    from peacewatch.web import create_app
    from peacewatch.web.config import ENV_TOKEN, make_config
    from peacewatch.web.security import LOOPBACK_HOSTS

    with _errors():
        open_store(db, create=False).close()  # a typo in --db fails now, not on the first request
        shown_db = database_path(db)  # a PostgreSQL URL is shown without its password
    loopback = host in LOOPBACK_HOSTS or host.startswith("127.")
    application = create_app(db, allowed_hosts=(*LOOPBACK_HOSTS, host) if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    err.print(
        f"peacewatch: serving {shown_db} at http://{shown}:{port}/ (API docs: /docs); Ctrl-C stops",
        markup=False,
    )
    if not make_config().writes_enabled:
        err.print(f"peacewatch: write endpoints are disabled ({ENV_TOKEN} is not set)", markup=False)
    if not loopback:
        err.print(
            f"peacewatch: warning: {host} is not loopback; anyone who can reach it can read the data",
            markup=False,
        )
    uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)
    raise typer.Exit(EXIT_OK)
