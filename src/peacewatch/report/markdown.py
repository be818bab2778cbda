"""The daily brief as Markdown: headings, figure lines with citation marks, references.

All source text goes through ``escape.md``, so an article cannot inject HTML or
Markdown (a ``<script>`` in a quote stays text).
"""

from __future__ import annotations

from peacewatch.report.escape import md, md_url
from peacewatch.report.model import Brief, Item


def marks(numbers: tuple[int, ...]) -> str:
    """Citation marks as the brief prints them: "[1][3]"."""
    return "".join(f"[{n}]" for n in numbers)


def render_markdown(b: Brief) -> str:
    out: list[str] = [f"# Daily brief — {b.date.isoformat()}", ""]
    out += [summary(b), ""]
    out += _items("Attacks", b.attacks, "No attack dated to this day.")
    out += _items("Talks", b.talks, "No talks dated to this day.")
    if b.proposals:
        out += _items("Proposals", b.proposals, "")
    out += ["## Commitments", ""]
    if not b.commitments:
        out += ["No commitment in force or reported on this day.", ""]
    for c in b.commitments:
        out.append(
            f"- **{md(c.name)}** — {'scope: ' + md(c.scope) + '; ' if c.scope else ''}binding: {md(c.bound)}; {md(c.window)} → "
            f"**{md(c.status)}**: {md(c.reason)} {marks(c.citations)}"
        )
        for v in c.violations:
            what = "possible violation" if v.attributed else "attacker not stated"
            out.append(f"  - {what}: {md(v.title)} ({md(v.when)}) `{v.event_id}` {marks(v.citations)}")
    out.append("")
    out += ["## Disagreements between sources", ""]
    if not b.disputes:
        out += ["No figure of this day is disputed.", ""]
    for d in b.disputes:
        said = "; ".join(
            f"{md(c.figure)} ({md(', '.join(c.sources))}) {marks(c.citations)}" for c in d.competing
        )
        out.append(f"- {md(d.title)} — {md(d.label)}: {said}")
    out.append("")
    if b.verdicts:
        out += ["## Cross-check against the Air Force series", ""]
        for vd in b.verdicts:
            official = "—" if vd.official is None else str(vd.official)
            out.append(
                f"- {md(vd.title)} — {vd.kind}s launched: news {md(vd.news)} {marks(vd.citations)}, "
                f"official {official} {marks(vd.official_citations)} → "
                f"**{md(vd.verdict.replace('_', ' '))}** ({md(vd.rule)})"
            )
        out += ["", f"_{md(b.attribution)}_", ""]
    if b.reported:
        out += _items("Also reported on this day (dated otherwise or not dated)", b.reported, "")
    out += ["## Facts", "", "Atomic statements, each with its time and supporting sources.", ""]
    for f in b.facts:
        out.append(f"- `{md(f.timestamp)}` {md(f.text)} {marks(f.citations)}")
    out += ["", "## Sources", ""]
    for ref in b.citations:
        when = md(ref.published) if ref.published else "publication date not stated"
        out.append(f"{ref.n}. **{md(ref.source)}**, {when}, {md_url(ref.url)} — “{md(ref.quote)}”")
    out.append("")
    return "\n".join(out)


def summary(b: Brief) -> str:
    killed = sum(f.best or 0 for it in b.attacks for f in it.figures if f.name == "killed")
    injured = sum(f.best or 0 for it in b.attacks for f in it.figures if f.name == "injured")
    return (
        f"{len(b.attacks)} attack(s) dated to this day ({killed} killed, {injured} injured by the "
        f"canonical best figures), {len(b.talks)} round(s) of talks, {len(b.commitments)} commitment(s), "
        f"{len(b.disputes)} disputed figure(s), {len(b.citations)} source sentences cited."
    )


def _items(heading: str, items: tuple[Item, ...], empty: str) -> list[str]:
    out = [f"## {heading}", ""]
    if not items:
        return [*out, empty, ""]
    for it in items:
        out.append(f"### {md(it.title)} — {md(it.when)}")
        out.append("")
        details = "; ".join(f"{k}: {md(v)}" for k, v in it.details)
        out.append(f"`{it.id}` · {details} {marks(it.citations)}")
        out.append("")
        for f in it.figures:
            disputed = " (disputed)" if f.disputed else ""
            old = f" — superseded: {marks(f.superseded)}" if f.superseded else ""
            out.append(f"- {md(f.label)}: {md(f.value)}{disputed} {marks(f.citations)}{old}")
        if it.figures:
            out.append("")
    return out
