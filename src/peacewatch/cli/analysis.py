"""Commands on reconciled events: reconcile, timeline, commitments, plans, crosscheck."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from peacewatch import api
from peacewatch.analyse.crosscheck import ATTRIBUTION
from peacewatch.cli.common import DbOpt, _errors, app, check_format, err, out
from peacewatch.errors import EXIT_OK, EXIT_USAGE
from peacewatch.reconcile import CanonicalEvent
from peacewatch.report.exports import csv_cell

commitments_app = typer.Typer(
    help="Pauses, moratoria and ceasefires: list them, declare one, check attacks against them.",
    no_args_is_help=True,
)
app.add_typer(commitments_app, name="commitments")


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _csv(header: list[str], rows: list[list[Any]]) -> None:
    """CSV on stdout; cells a spreadsheet would run as a formula (a quote or outlet name from
    an article starting with ``=``, ``+``, ``-``, ``@``) are written as text (``csv_cell``)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows([[csv_cell(v) for v in r] for r in rows])
    sys.stdout.write(buf.getvalue())


def _figure(ev: CanonicalEvent, name: str) -> str:
    f = ev.figure(name)
    if f is None:
        return ""
    text = str(f.best) if f.best is not None else "?"
    if f.low is not None and f.high is not None and f.low != f.high:
        text += f" ({f.low}–{f.high})"
    return text + (" !" if f.disputed else "")


def _span(ev: CanonicalEvent) -> str:
    d = ev.date
    if d.start is None:
        return f"(reported {ev.first_reported[:10]})" if ev.first_reported else ""
    return str(d.start) if not d.end or d.end == d.start else f"{d.start}…{d.end}"


def _where(ev: CanonicalEvent) -> str:
    if ev.kind == "attack":
        return "; ".join(p.name for p in ev.places)
    if ev.kind == "talks":
        return ev.venue.name if ev.venue else ""
    if ev.kind == "proposal":
        return f"{ev.name or ''}" + (f" ({ev.points} pts)" if ev.points else "")
    return ev.scope or ""


def canonical_table(events: list[CanonicalEvent], title: str) -> Table:
    t = Table(title=title, caption="! = sources disagree (see --format json for who said what)")
    for col, width in (
        ("id", 21),
        ("date", 23),
        ("kind", 10),
        ("where / what", 32),
        ("actor", 5),
        ("killed", 12),
        ("injured", 12),
        ("missiles", 12),
        ("drones", 14),
        ("sources", 7),
    ):
        t.add_column(col, max_width=width, overflow="ellipsis", no_wrap=True)
    for ev in events:
        t.add_row(
            ev.id,
            _span(ev),
            ev.kind,
            _where(ev),
            ev.actor or ev.by or "",
            _figure(ev, "killed"),
            _figure(ev, "injured"),
            _figure(ev, "missile.launched"),
            _figure(ev, "drone.launched"),
            str(len(ev.sources)),
        )
    return t


@app.command()
def reconcile(
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Merge reports of the same real event from different articles into canonical events."""
    check_format(fmt, ("table", "json"))
    with _errors():
        report = api.reconcile(db)
        events = api.canonical(db)
    if fmt == "json":
        _json({"summary": report.summary(), "events": [e.to_dict() for e in events]})
    else:
        out.print(canonical_table(events, f"{len(events)} canonical events from {report.mentions} reports"))
        s = report.summary()
        err.print(
            f"created {s['created']}, updated {s['updated']}, removed {s['removed']}, unchanged {s['unchanged']}, "
            f"figure changes {s['figure_changes']} → {report.db}",
            markup=False,
        )
    raise typer.Exit(EXIT_OK)


@app.command()
def timeline(
    db: DbOpt = None,
    days_before: Annotated[int, typer.Option(help="Days before talks to look at.")] = 3,
    days_after: Annotated[int, typer.Option(help="Days after talks to look at.")] = 3,
    daily: Annotated[bool, typer.Option("--daily", help="Table/CSV: the daily series instead.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """Attacks before, during and after each round of talks, with totals; and the daily series."""
    check_format(fmt, ("table", "json", "csv"))
    with _errors():
        tl = api.timeline(db, days_before=days_before, days_after=days_after)
    data = tl.to_dict()
    if fmt == "json":
        _json(data)
        return
    if daily:
        header = [
            "day",
            "attacks",
            "killed",
            "injured",
            "missiles",
            "drones",
            "talks",
            "attack_ids",
            "talks_ids",
        ]
        rows = [
            [d[h] if not isinstance(d[h], list) else ";".join(d[h]) for h in header] for d in data["daily"]
        ]
        if fmt == "csv":
            _csv(header, rows)
            return
        t = Table(title="Daily series (canonical best figures)")
        for h in header[:7]:
            t.add_column(h)
        for r in rows:
            t.add_row(*[str(v) for v in r[:7]])
        out.print(t)
        return
    header = [
        "talks_id",
        "venue",
        "talks_start",
        "talks_end",
        "phase",
        "attack_id",
        "attack_start",
        "attack_end",
        "places",
        "actor",
        "killed",
        "injured",
        "missiles",
        "drones",
        "sources",
    ]
    rows = []
    for w in data["talks"]:
        talks = w["talks"]
        for phase in ("before", "during", "after"):
            for a in w[phase]:
                rows.append(
                    [
                        talks["id"],
                        talks["venue"],
                        talks["start"],
                        talks["end"],
                        phase,
                        a["id"],
                        a["start"],
                        a["end"],
                        ";".join(a["places"]),
                        a["actor"],
                        a["killed"],
                        a["injured"],
                        a["missiles"],
                        a["drones"],
                        ";".join(a["sources"]),
                    ]
                )
    if fmt == "csv":
        _csv(header, rows)
        return
    for w in data["talks"]:
        talks, tot = w["talks"], w["totals"]
        title = (
            f"Talks in {talks['venue']} {talks['start']}…{talks['end']} ({'+'.join(talks['parties'])}"
            f"{', via ' + '+'.join(talks['mediators']) if talks['mediators'] else ''}; {talks['status']})"
        )
        t = Table(title=title, title_justify="left")
        for col in ("phase", "attack", "dates", "places", "killed", "injured", "missiles", "drones"):
            t.add_column(col, overflow="ellipsis", no_wrap=True, max_width=40 if col == "places" else None)
        for phase in ("before", "during", "after"):
            for a in w[phase]:
                dates = a["start"] if a["end"] in (None, a["start"]) else f"{a['start']}…{a['end']}"
                t.add_row(
                    phase,
                    a["id"],
                    dates or "",
                    "; ".join(a["places"]),
                    *("" if a[k] is None else str(a[k]) for k in ("killed", "injured", "missiles", "drones")),
                )
            p = tot[phase]
            t.add_row(
                f"[b]{phase} total[/b]",
                f"{p['attacks']} attacks",
                "",
                "",
                str(p["killed"]),
                str(p["injured"]),
                str(p["missiles"]),
                str(p["drones"]),
            )
        out.print(t)
    if not data["talks"]:
        out.print("No dated talks stored.")


@commitments_app.command("list")
def commitments_list(
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Commitments extracted from the articles and declared with `commitments add`."""
    check_format(fmt, ("table", "json"))
    with _errors():
        items = api.commitments(db)
    if fmt == "json":
        _json([c.to_dict() for c in items])
        return
    t = Table(title=f"{len(items)} commitments")
    for col in ("id", "origin", "scope", "bound", "start", "end", "reported", "sources"):
        t.add_column(col, overflow="ellipsis", no_wrap=True, max_width=48 if col == "scope" else None)
    for c in items:
        t.add_row(
            c.id,
            c.origin,
            c.scope,
            c.bound or "any",
            str(c.start or ""),
            str(c.end or "open"),
            c.reported_status or "",
            str(len(c.sources)),
        )
    out.print(t)


@commitments_app.command("add")
def commitments_add(
    name: Annotated[str, typer.Option(help="A label, e.g. 'Energy strike pause'.")],
    scope: Annotated[str, typer.Option(help="What may not be struck, e.g. 'energy infrastructure'.")],
    start: Annotated[str, typer.Option(help="First day in force, YYYY-MM-DD.")],
    end: Annotated[
        str | None, typer.Option(help="Last day in force, YYYY-MM-DD (default: open-ended).")
    ] = None,
    bound: Annotated[
        str | None, typer.Option(help="ISO2 of the party bound, e.g. RU (default: every party).")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Where the commitment comes from.")] = None,
    db: DbOpt = None,
) -> None:
    """Declare a commitment to check attacks against."""
    with _errors():
        c = api.add_commitment(name, scope, start, end, bound, note, db)
    out.print(
        f"added {c.id}: {c.name} ({c.scope}; bound: {c.bound or 'every party'}; {c.start} … {c.end or 'open'})"
    )


@commitments_app.command("check")
def commitments_check(
    db: DbOpt = None,
    as_of: Annotated[
        str | None, typer.Option(help="Check as on this day, YYYY-MM-DD (default: today).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Attacks in each commitment's scope and window (possible violations), and a status."""
    check_format(fmt, ("table", "json"))
    try:
        today = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        err.print(f"peacewatch: error: --as-of takes YYYY-MM-DD, not {as_of!r}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    with _errors():
        checks = api.check_commitments(db, today=today)
    if fmt == "json":
        _json([c.to_dict() for c in checks])
        return
    for ch in checks:
        c = ch.commitment
        out.print(
            f"[b]{c.id}[/b] {c.scope} — bound: {c.bound or 'every party'}; {c.start or '?'} … {c.end or 'open'}"
            f" ({c.end_rule}) → [b]{ch.status}[/b]: {ch.reason}"
        )
        for label, attacks in (
            ("possible violation", ch.violations),
            ("attacker not stated", ch.unattributed),
        ):
            for a in attacks:
                quote = next((m.quote for m in a.mentions if m.quote), "")
                out.print(f"   {label}: {a.id} {_span(a)} {_where(a)} — {', '.join(a.sources)}: “{quote}”")


@app.command()
def plans(
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Peace-plan versions in lineages (28 points → 19 points), counterproposals beside them."""
    check_format(fmt, ("table", "json"))
    with _errors():
        lins = api.plans(db)
    if fmt == "json":
        _json([lin.to_dict() for lin in lins])
        return
    for i, lin in enumerate(lins, 1):
        d = lin.to_dict()
        t = Table(title=f"Lineage {i}", title_justify="left")
        for col in ("role", "id", "name", "points", "revises", "proposer", "date", "sources"):
            t.add_column(col, overflow="ellipsis", no_wrap=True, max_width=36 if col == "name" else None)
        for role, items in (("version", d["versions"]), ("beside", d["alternatives"])):
            for v in items:
                date = v["date"]["start"] or (v["first_reported"] or "")[:10]
                t.add_row(
                    role,
                    v["id"],
                    v["name"] or "",
                    str(v["points"] or ""),
                    str(v["revises_points"] or ""),
                    v["proposer"] or "",
                    date,
                    ", ".join(v["sources"]),
                )
        out.print(t)
        for v in d["versions"] + d["alternatives"]:
            for said in v["what_sources_say"]:
                if said["says_what_changed"]:
                    out.print(f"   {v['id']} — {said['source']}: “{said['quote']}”")


@app.command()
def crosscheck(
    official: Annotated[
        str | None,
        typer.Option(help="Air Force series CSV to import first (missile_attacks_daily.csv format)."),
    ] = None,
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """Compare news figures of missiles and drones launched with the official Air Force series."""
    check_format(fmt, ("table", "json", "csv"))
    with _errors():
        report = api.crosscheck(official, db)
    data = report.to_dict()
    if fmt == "json":
        _json(data)
        return
    header = ["night", "kind", "news", "official", "verdict", "sources", "event", "places", "rule"]
    rows = [
        [
            c["night"],
            c["kind"],
            _news(c["news"]),
            c["official_launched"],
            c["verdict"],
            ";".join(c["sources"]),
            c["event"]["id"],
            ";".join(c["event"]["places"]),
            c["rule"],
        ]
        for c in data["comparisons"]
    ]
    if fmt == "csv":
        _csv(header, rows)
        return
    t = Table(title="News against the Air Force series", caption=ATTRIBUTION)
    for col in header[:-1]:
        t.add_column(col, overflow="ellipsis", no_wrap=True, max_width=30)
    for r in rows:
        t.add_row(*["" if v is None else str(v) for v in r[:-1]])
    out.print(t)
    if "import" in data:
        imp = data["import"]
        err.print(
            f"imported: {imp['new']} new, {imp['changed']} changed, {imp['unchanged']} unchanged, "
            f"{imp['removed']} removed, {len(imp['problems'])} problem rows",
            markup=False,
        )


def _news(c: dict[str, Any]) -> str:
    q = c["qualifier"]
    if q == "range":
        return f"{c['low']}–{c['high']}"
    return {"at_least": "≥", "approx": "~", "at_most": "≤"}.get(q, "") + str(c["value"])
