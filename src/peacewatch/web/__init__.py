"""Web stage: the REST API and the browser UI over the library, served by ``peacewatch serve``.

Consumes what ``peacewatch.api`` and the store return; produces JSON (``/api/...``, one
problem shape for every error) and HTML pages (map, timeline, charts, event and article
pages) rendered from the same data dicts. It holds no SQL and no extraction logic, works
with no network (Leaflet, Swagger UI and the basemap are vendored), and answers writes only
with the bearer token.
"""

from peacewatch.web.app import create_app

__all__ = ["create_app"]
