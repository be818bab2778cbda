"""One data dict per endpoint, rendered as JSON or as an HTML page.

Templates are Jinja2 with autoescaping on for every template, so article text (titles,
quotes, outlet names, which come from whoever wrote the article) is always escaped;
nothing from the data is ever marked safe. Links to articles go through :func:`safe_url`,
so a ``javascript:`` URL in a hostile feed becomes plain text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from peacewatch import __version__
from peacewatch.web import labels


def _default(obj: Any) -> Any:
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, set | frozenset):
        return sorted(obj)
    raise TypeError(f"cannot serialise {type(obj).__name__} as JSON")


def to_json_bytes(data: Any) -> bytes:
    """Strict JSON (no NaN), UTF-8, compact: what every API answer is."""
    return json.dumps(
        data, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=_default
    ).encode()


def json_response(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """JSON without FastAPI's per-field encoder pass: the dicts are JSON-ready already."""
    return Response(to_json_bytes(data), status, headers=headers, media_type="application/json")


def safe_url(url: Any) -> str | None:
    """The URL if it is http(s), else None: hrefs never carry ``javascript:`` or ``data:``."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def query_string(params: Mapping[str, Any], **changes: Any) -> str:
    """``?a=1&b=2`` of the non-empty parameters, with ``changes`` applied (None removes)."""
    merged = {**params, **changes}
    items = [(k, str(v)) for k, v in merged.items() if v is not None and v != ""]
    return "?" + urlencode(items) if items else ""


_env = Environment(
    loader=PackageLoader("peacewatch.web", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(
    safe_url=safe_url,
    figure_label=labels.figure_label,
    count_text=labels.count_text,
    figure_text=labels.figure_text,
    span_text=labels.span_text,
    weapon_label=labels.weapon_label,
)
_env.globals.update(version=__version__, query_string=query_string, WEAPON_COLOURS=labels.WEAPON_COLOURS)


def render_page(
    request: Request,
    template: str,
    data: Mapping[str, Any],
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The page's template with its data dict (under ``data``) and where the app is mounted."""
    base = str(request.scope.get("root_path", "")).rstrip("/")
    html = _env.get_template(template).render(
        data=data, base=base, path=request.url.path, params=dict(request.query_params)
    )
    return HTMLResponse(html, status, headers=headers)


def page(request: Request, template: str, data: Mapping[str, Any]) -> Response:
    """``?format=json`` gives the page's data dict as JSON, anything else the HTML page."""
    if request.query_params.get("format") == "json":
        return json_response(data)
    return render_page(request, template, data)
