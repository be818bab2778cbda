"""The WHERE clauses of the store's selections, written once for SQLite and PostgreSQL.

Why: each backend used to build every filter itself, twin copies that differed only in a
few fragments — the placeholder (``?``/``%s``), JSON extraction, substring tests, list
membership, LIMIT — and so could drift apart. A :class:`Dialect` supplies just those
fragments; :func:`events_where`, :func:`canonical_events_where`, :func:`canonical_where`
and :func:`official_where` are the one builder of each filter shape, so a rule changed is
changed on both backends (the rules themselves are documented in ``store.paging`` and
``Store``). Like ``paging.order_by``, this is plain strings: no driver is imported.

A builder returns ``(" WHERE …", params)`` — ``("", [])`` when nothing is filtered — with
the parameters in placeholder order.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from peacewatch.store.base import fold, iso_day, like_contains
from peacewatch.store.paging import CanonicalFilter

Clause = tuple[str, list[Any]]


class Dialect(ABC):
    """The fragments of a filter that differ between backends; everything else is shared."""

    mark: str  # the driver's placeholder
    first_reported: str  # a canonical event's first-reported time, for ``paging.order_by``

    def marks(self, n: int) -> str:
        """``n`` placeholders, comma-separated."""
        return ", ".join([self.mark] * n)

    @abstractmethod
    def in_values(self, column: str, values: Sequence[Any], sql_type: str) -> Clause:
        """``column`` is one of ``values`` (not empty; ``sql_type`` is the SQL type of the values)."""

    @abstractmethod
    def page(self, limit: int | None, offset: int) -> Clause:
        """The LIMIT/OFFSET of a page (``limit`` None: every row from ``offset`` on)."""

    @abstractmethod
    def contains(self, text: str, needle: str) -> str:
        """SQL true when the SQL expression ``needle`` is a substring of ``text`` (no wildcards)."""

    @abstractmethod
    def with_place(self, condition: str) -> str:
        """A canonical event ``c`` has a row of ``canonical_places p`` meeting ``condition``."""

    @abstractmethod
    def district(self, place: str) -> Clause:
        """Some place of ``c``'s record has a district containing ``place``, folded."""

    @abstractmethod
    def json_equals_any(self, keys: Sequence[str], array: str) -> str:
        """One of the text fields ``keys`` of ``c``'s record, or an element of its array field
        ``array``, equals the parameter (given ``len(keys) + 1`` times)."""

    @abstractmethod
    def words(self, f: CanonicalFilter) -> Clause | None:
        """Every word of ``f.q`` is in ``c``'s haystack (``paging.haystack``); None: no words."""


class SQLiteDialect(Dialect):
    """SQLite: JSON1 functions, and the Python folds registered on the connection
    (``pw_fold``, ``pw_words``), so text matches exactly as in Python."""

    mark = "?"
    first_reported = "json_extract(c.data, '$.first_reported')"

    def in_values(self, column: str, values: Sequence[Any], sql_type: str) -> Clause:
        return f"{column} IN ({self.marks(len(values))})", list(values)

    def page(self, limit: int | None, offset: int) -> Clause:
        if limit is not None:
            return " LIMIT ? OFFSET ?", [limit, offset]
        return (" LIMIT -1 OFFSET ?", [offset]) if offset else ("", [])

    def contains(self, text: str, needle: str) -> str:
        return f"instr({text}, {needle}) > 0"

    def with_place(self, condition: str) -> str:
        # IN, not a correlated EXISTS: the planner would walk the country index once per row
        return f"c.id IN (SELECT p.canonical_id FROM canonical_places p WHERE {condition})"

    def district(self, place: str) -> Clause:
        return (
            "EXISTS (SELECT 1 FROM json_each(c.data, '$.places') jp"
            " WHERE instr(pw_fold(json_extract(jp.value, '$.district')), ?) > 0)",
            [fold(place) or ""],
        )

    def json_equals_any(self, keys: Sequence[str], array: str) -> str:
        fields = [f"json_extract(c.data, '$.{k}') = ?" for k in keys]
        element = f"EXISTS (SELECT 1 FROM json_each(c.data, '$.{array}') jp WHERE jp.value = ?)"
        return "(" + " OR ".join([*fields, element]) + ")"

    def words(self, f: CanonicalFilter) -> Clause | None:
        words = f.words()
        return ("pw_words(c.data, ?) = 1", ["\x00".join(words)]) if words else None


# PostgreSQL's fold of district names and free-text words (see store.paging).
_PG_FOLD = "lower(normalize({}, NFKC))"
# The folded text the words of q are looked for in (store.paging.haystack, in SQL).
_PG_HAYSTACK = (
    "lower(normalize(concat_ws(' ', c.id, c.kind, d->>'name', d->>'scope', d->>'status', d->>'actor',"
    " (SELECT string_agg(x, ' ') FROM jsonb_array_elements_text(COALESCE(d->'parties', '[]')) x),"
    " (SELECT string_agg(x, ' ') FROM jsonb_array_elements_text(COALESCE(d->'targets', '[]')) x),"
    " (SELECT string_agg(concat_ws(' ', p->>'name', p->>'district', p->>'admin1'), ' ')"
    " FROM jsonb_array_elements(COALESCE(d->'places', '[]')) p),"
    " d->'venue'->>'name',"
    " (SELECT string_agg(concat_ws(' ', m->>'source', m->>'title', m->>'quote'), ' ')"
    " FROM jsonb_array_elements(COALESCE(d->'mentions', '[]')) m)), NFKC))"
)


class PostgresDialect(Dialect):
    """PostgreSQL: ``%s`` placeholders (a literal ``%`` is written ``%%``), arrays bound as one
    parameter, jsonb, and folds done by the server (see ``store.paging``)."""

    mark = "%s"
    first_reported = "((c.data::jsonb->>'first_reported') COLLATE \"C\")"

    def in_values(self, column: str, values: Sequence[Any], sql_type: str) -> Clause:
        return f"{column} = ANY(%s::{sql_type}[])", [list(values)]

    def page(self, limit: int | None, offset: int) -> Clause:
        return " LIMIT %s OFFSET %s", [limit, offset]  # LIMIT NULL is no limit

    def contains(self, text: str, needle: str) -> str:
        return f"strpos({text}, {needle}) > 0"

    def with_place(self, condition: str) -> str:
        return f"EXISTS (SELECT 1 FROM canonical_places p WHERE p.canonical_id = c.id AND {condition})"

    def district(self, place: str) -> Clause:
        # the LIKE skips parsing the records that have no district at all
        test = self.contains(_PG_FOLD.format("jp->>'district'"), _PG_FOLD.format("%s"))
        return (
            'EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN c.data LIKE \'%%"district":"%%\''
            f" THEN c.data::jsonb->'places' END) jp WHERE {test})",
            [place],
        )

    def json_equals_any(self, keys: Sequence[str], array: str) -> str:
        fields = [f"COALESCE(d->>'{k}' = %s, false)" for k in keys]
        element = (
            f"EXISTS (SELECT 1 FROM jsonb_array_elements_text(COALESCE(d->'{array}', '[]')) x WHERE x = %s)"
        )
        return "(SELECT " + " OR ".join([*fields, element]) + " FROM (SELECT c.data::jsonb AS d) j)"

    def words(self, f: CanonicalFilter) -> Clause | None:
        words = f.q.split() if f.q else []
        if not words:
            return None
        tests = " AND ".join(self.contains("h", _PG_FOLD.format("%s")) for _ in words)
        return (
            f"(SELECT {tests} FROM (SELECT {_PG_HAYSTACK} AS h FROM (SELECT c.data::jsonb AS d) j) hh)",
            words,
        )


SQLITE = SQLiteDialect()
POSTGRES = PostgresDialect()


def _where(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _stored_filters(
    d: Dialect,
    alias: str,
    places: str,
    key: str,
    kind: str | None,
    place: str | None,
    country: str | None,
    since: dt.date | None,
    until: dt.date | None,
) -> tuple[list[str], list[Any]]:
    """The filters events and canonical events share, over ``alias`` and its ``places`` table
    (joined on ``p.<key> = <alias>.id``): kind, place (LIKE on the Python-folded names),
    country, and dates overlapping [since, until]. Conditions and parameters, in order."""
    m = d.mark
    where: list[str] = []
    params: list[Any] = []
    if kind is not None:
        where.append(f"{alias}.kind = {m}")
        params.append(kind)
    if place:
        pattern = like_contains(fold(place) or "")
        where.append(
            f"EXISTS (SELECT 1 FROM {places} p WHERE p.{key} = {alias}.id"
            f" AND (p.name_fold LIKE {m} ESCAPE '\\' OR p.admin1_fold LIKE {m} ESCAPE '\\'))"
        )
        params += [pattern, pattern]
    if country:
        where.append(f"EXISTS (SELECT 1 FROM {places} p WHERE p.{key} = {alias}.id AND p.country = {m})")
        params.append(country.strip().upper())
    if since is not None:
        where.append(f"COALESCE({alias}.date_end, {alias}.date_start) >= {m}")
        params.append(iso_day(since))
    if until is not None:
        where.append(f"COALESCE({alias}.date_start, {alias}.date_end) <= {m}")
        params.append(iso_day(until))
    return where, params


def events_where(
    d: Dialect,
    *,
    kind: str | None = None,
    place: str | None = None,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    article_id: int | None = None,
) -> Clause:
    """The filters of ``Store.events``, over ``events e``."""
    where, params = _stored_filters(d, "e", "event_places", "event_id", kind, place, country, since, until)
    if article_id is not None:
        where.append(f"e.article_id = {d.mark}")
        params.append(article_id)
    return _where(where), params


def canonical_events_where(
    d: Dialect,
    *,
    kind: str | None = None,
    place: str | None = None,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    ids: Sequence[str] | None = None,
) -> Clause:
    """The filters of ``Store.canonical_events``, over ``canonical_events c``; ``ids`` must not
    be empty (the caller answers an empty list itself, without a query)."""
    where, params = _stored_filters(
        d, "c", "canonical_places", "canonical_id", kind, place, country, since, until
    )
    if ids is not None:
        clause, values = d.in_values("c.id", ids, "text")
        where.append(clause)
        params += values
    return _where(where), params


def canonical_where(d: Dialect, f: CanonicalFilter) -> Clause:
    """The selection ``f`` of ``Store.canonical_page``/``count_canonical`` (rules in
    ``store.paging``), over ``canonical_events c``. On SQLite the connection must have the
    ``pw_fold``/``pw_words`` functions registered."""
    m = d.mark
    where: list[str] = []
    params: list[Any] = []
    if f.kind is not None:
        where.append(f"c.kind = {m}")
        params.append(f.kind)
    if f.place:
        needle = fold(f.place) or ""
        names = f"({d.contains('p.name_fold', m)} OR {d.contains('p.admin1_fold', m)})"
        district, district_params = d.district(f.place)
        where.append(f"({d.with_place(names)} OR {district})")
        params += [needle, needle, *district_params]
    if f.admin1:
        where.append(d.with_place(d.contains("p.admin1_fold", m)))
        params.append(fold(f.admin1) or "")
    if f.country:
        where.append(d.with_place(f"p.country = {m}"))
        params.append(f.country.strip().upper())
    if f.actor:
        keys = ("actor", "by", "proposer")
        where.append(d.json_equals_any(keys, "parties"))
        params += [f.actor.strip().upper()] * (len(keys) + 1)
    if f.since is not None:
        where.append(f"COALESCE(c.date_end, c.date_start) >= {m}")
        params.append(iso_day(f.since))
    if f.until is not None:
        where.append(f"COALESCE(c.date_start, c.date_end) <= {m}")
        params.append(iso_day(f.until))
    if f.min_killed is not None:
        where.append(f"c.killed >= {m}")
        params.append(int(f.min_killed))
    if (words := d.words(f)) is not None:
        where.append(words[0])
        params += words[1]
    return _where(where), params


def official_where(
    d: Dialect,
    *,
    night_from: dt.date | None,
    night_to: dt.date | None,
    current_only: bool,
    as_of: int | None,
) -> Clause:
    """The filters of ``Store.official_rows``: the versions current as of an import (or now,
    or every version), and nights in [night_from, night_to]."""
    m = d.mark
    where: list[str] = []
    params: list[Any] = []
    if as_of is not None:
        where.append(f"import_id <= {m} AND (superseded_by IS NULL OR superseded_by > {m})")
        params += [as_of, as_of]
    elif current_only:
        where.append("superseded_by IS NULL")
    if night_from is not None:
        where.append(f"night >= {m}")
        params.append(iso_day(night_from))
    if night_to is not None:
        where.append(f"night <= {m}")
        params.append(iso_day(night_to))
    return _where(where), params
