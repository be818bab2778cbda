"""A reproducible corpus of realistic ~700-word news articles for the benchmarks.

    python bench/corpus.py [--articles 5000] [--words 700] [--seed 0] [--out corpus.jsonl]

Built only from the project's own fixtures: the short labelled passages in
``eval/labelled/{attacks,diplomacy}.articles.jsonl`` and the paragraphs of the demo
articles in ``src/peacewatch/demo/articles.jsonl``. Each generated article is a headline
from the same fixtures, a dateline half of the time, and passages drawn (with a fixed seed) until the body
reaches about ``--words`` words, with a topic mix that differs from article to article
(mostly strikes, mostly diplomacy, or mixed). To keep articles from repeating verbatim,
Ukrainian cities, Russian border cities and talks venues are swapped within small lists,
digit counts and the number words two to nine are lightly changed, and a few lines of page
furniture ("Advertisement", "Read more: …", a share counter) are sometimes inserted, as on
scraped pages. Each article has an ``id``, ``title``, ``text``, ``published`` (ISO date) and
``language``. Same arguments, same corpus, byte for byte.

From another benchmark (run as ``python bench/x.py``, so ``bench/`` is on ``sys.path``)::

    from corpus import generate
    for art in generate(1000, words=700, seed=0):
        ...
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELLED = {
    "attack": ROOT / "eval/labelled/attacks.articles.jsonl",
    "diplomacy": ROOT / "eval/labelled/diplomacy.articles.jsonl",
}
DEMO = ROOT / "src/peacewatch/demo/articles.jsonl"

# Small swap lists. Only names that read naturally in each other's place are listed together;
# Kyiv (the capital) and Zaporizhzhia (the nuclear plant) are left alone on purpose.
UA_CITIES = (
    "Dnipro",
    "Kharkiv",
    "Odesa",
    "Sumy",
    "Kherson",
    "Mykolaiv",
    "Poltava",
    "Chernihiv",
    "Kryvyi Rih",
    "Lviv",
    "Ternopil",
    "Kramatorsk",
    "Sloviansk",
    "Pavlohrad",
    "Izium",
    "Vinnytsia",
)
RU_CITIES = ("Belgorod", "Kursk", "Bryansk", "Voronezh", "Taganrog", "Novorossiysk")
VENUES = ("Geneva", "Abu Dhabi", "Istanbul", "Riyadh", "Jeddah", "Miami", "Doha")
SWAP_LISTS = (UA_CITIES, RU_CITIES, VENUES)
_SWAP_RE = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(n) for lst in SWAP_LISTS for n in lst), key=len, reverse=True))
    + r")\b"
)

_WORD_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
_WORD_NUM_RE = re.compile(r"(?<![-\w])(" + "|".join(_WORD_NUMBERS) + r")(?![-\w])", re.IGNORECASE)
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
    *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
)
# A stand-alone count of 1-3 digits: not part of 1,200 / 3.5 / Kh-101 / 28-point / 10:30 / 5%.
_DIGITS_RE = re.compile(r"(?<![\d.,:/\-–])\b(\d{1,3})\b(?![\d.,:/%\-–]\d|[-–%]|\s*[ap]\.m\.|:\d)")
_MONTH_BEFORE_RE = re.compile(r"(?:" + "|".join(_MONTHS) + r")\.?\s+$")
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .'-]+ — ")

# Page furniture of the kinds peacewatch's cleaner blanks; written for this benchmark.
FURNITURE = (
    "Advertisement",
    "Share this article",
    "Sign up for our morning briefing",
    "Follow us on Telegram",
    "Support independent journalism",
)
TAIL_FURNITURE = ("Comments (14)", "Tags: Ukraine, Russia, war", "Copyright 2025. All rights reserved.")

DATE_FROM = dt.date(2025, 1, 1)
DATE_SPAN_DAYS = 420  # to late February 2026


@dataclass(frozen=True)
class Passages:
    """The raw material: body passages and headlines, by topic."""

    bodies: dict[str, tuple[str, ...]]  # topic -> passages
    headlines: dict[str, tuple[str, ...]]  # topic -> headlines

    def __len__(self) -> int:
        return sum(len(v) for v in self.bodies.values())


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return sorted(rows, key=lambda r: str(r.get("id", "")))


def _split_headline(text: str, title: str | None) -> str:
    """Text without its first line when that line is the headline."""
    first, sep, rest = text.partition("\n")
    if sep and title and first.strip() == title.strip():
        return rest.strip()
    return text.strip()


def _demo_topic(row: dict) -> str:
    words = (row.get("title") or "") + " " + row["text"][:600]
    talk = len(re.findall(r"\b(?:talks|negotiat\w*|ceasefire|delegation\w*|peace)\b", words, re.I))
    hit = len(re.findall(r"\b(?:killed|injured|drones?|missiles?|strikes?|attack\w*)\b", words, re.I))
    return "diplomacy" if talk > hit else "attack"


def load_passages(labelled: dict[str, Path] | None = None, demo: Path | None = DEMO) -> Passages:
    """Passages and headlines from the labelled fixtures and the demo articles."""
    bodies: dict[str, list[str]] = {"attack": [], "diplomacy": []}
    heads: dict[str, list[str]] = {"attack": [], "diplomacy": []}
    for topic, path in (labelled or LABELLED).items():
        for row in _read_jsonl(path):
            if row.get("language", "en") != "en":
                continue
            body = _split_headline(row["text"], row.get("title"))
            if body:
                bodies[topic].append(body)
            if row.get("title"):
                heads[topic].append(row["title"].strip())
    if demo is not None and demo.exists():
        for row in _read_jsonl(demo):
            topic = _demo_topic(row)
            body = _split_headline(row["text"], row.get("title"))
            for para in re.split(r"\n\s*\n", body):
                para = _DATELINE_RE.sub("", para.strip())
                if len(para.split()) >= 8:
                    bodies[topic].append(para)
            if row.get("title"):
                heads[topic].append(row["title"].strip())
    return Passages(
        bodies={k: tuple(v) for k, v in bodies.items()},
        headlines={k: tuple(v) for k, v in heads.items()},
    )


def _swap_map(rng: random.Random) -> dict[str, str]:
    """A per-article renaming: about half the names of each list go to another name of the list."""
    out: dict[str, str] = {}
    for names in SWAP_LISTS:
        shuffled = list(names)
        rng.shuffle(shuffled)
        for a, b in zip(names, shuffled, strict=True):
            if a != b and rng.random() < 0.5:
                out[a] = b
    return out


def _vary(text: str, rng: random.Random, swaps: dict[str, str]) -> str:
    text = _SWAP_RE.sub(lambda m: swaps.get(m.group(1), m.group(1)), text)

    def digits(m: re.Match[str]) -> str:
        s = m.group(1)
        if rng.random() < 0.5 or _MONTH_BEFORE_RE.search(text[max(0, m.start() - 12) : m.start()]):
            return s
        n = int(s)
        # small counts move by a few, larger ones by up to 30%
        new = n + rng.randint(-2, 2) if n <= 12 else round(n * rng.uniform(0.7, 1.3))
        return str(max(1, new))

    def words(m: re.Match[str]) -> str:
        w = m.group(1)
        if rng.random() < 0.7:
            return w
        new = rng.choice(_WORD_NUMBERS)
        return new.capitalize() if w[0].isupper() else new

    text = _DIGITS_RE.sub(digits, text)
    return _WORD_NUM_RE.sub(words, text)


def _article(i: int, rng: random.Random, p: Passages, words: int, seed: int) -> dict:
    share_attack = rng.choice((0.85, 0.6, 0.3))
    target = max(50, round(words * rng.uniform(0.85, 1.15)))
    swaps = _swap_map(rng)
    lead_topic = "attack" if rng.random() < share_attack else "diplomacy"
    title = _vary(rng.choice(p.headlines[lead_topic]), rng, swaps)

    paras: list[str] = []
    used: set[tuple[str, int]] = set()
    n = len(title.split()) + 2  # the headline and the dateline count towards the length
    while n < target:
        topic = "attack" if rng.random() < share_attack else "diplomacy"
        pool = p.bodies[topic]
        k = rng.randrange(len(pool))
        if (topic, k) in used and len(used) < len(p):
            continue
        used.add((topic, k))
        para = _vary(pool[k], rng, swaps)
        size = len(para.split())
        if paras and n + size / 2 > target:
            break  # stop nearest the target rather than always overshooting it
        paras.append(para)
        n += size
        if rng.random() < 0.04:
            paras.append(rng.choice(FURNITURE))
        elif rng.random() < 0.03:
            paras.append("Read more: " + _vary(rng.choice(p.headlines[topic]), rng, swaps))

    if rng.random() < 0.5:  # wire style; web copy often has no dateline
        dateline = rng.choice((*UA_CITIES, "KYIV", "KYIV", "KYIV", "MOSCOW", "WASHINGTON"))
        paras[0] = f"{dateline.upper()} — {paras[0]}"
    if rng.random() < 0.3:
        paras.append(rng.choice(TAIL_FURNITURE))
    if rng.random() < 0.15:
        paras.append(str(rng.randint(3, 480)))  # a stray share counter
    published = DATE_FROM + dt.timedelta(days=rng.randrange(DATE_SPAN_DAYS))
    return {
        "id": f"gen-{seed}-{i:06d}",
        "title": title,
        "text": title + "\n\n" + "\n\n".join(paras) + "\n",
        "published": published.isoformat(),
        "language": "en",
    }


def generate(n: int, words: int = 700, seed: int = 0, *, passages: Passages | None = None) -> Iterator[dict]:
    """``n`` articles of about ``words`` words each; deterministic for a given (n-prefix, words, seed)."""
    p = passages or load_passages()
    for topic in ("attack", "diplomacy"):
        if not p.bodies.get(topic) or not p.headlines.get(topic):
            raise ValueError(f"no {topic} passages or headlines in the fixtures")
    rng = random.Random(f"peacewatch-corpus/{seed}/{words}")
    for i in range(n):
        yield _article(i, rng, p, words, seed)


def write_jsonl(path: Path | str, articles: Iterable[dict]) -> dict:
    """Write articles one JSON object per line; return counts (articles, words, bytes, distinct chunks)."""
    count = nwords = nbytes = 0
    chunks: set[str] = set()  # what spaCy's tokenizer caches (up to 10,000 of them)
    with open(path, "w", encoding="utf-8") as fh:
        for art in articles:
            line = json.dumps(art, ensure_ascii=False) + "\n"
            fh.write(line)
            count += 1
            words = art["text"].split()
            nwords += len(words)
            chunks.update(words)
            nbytes += len(line.encode("utf-8"))
    return {"articles": count, "words": nwords, "bytes": nbytes, "distinct_chunks": len(chunks)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--words", type=int, default=700, help="target words per article (±15%%)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", help="JSONL file to write (default: standard output)")
    a = ap.parse_args(argv)
    arts = generate(a.articles, a.words, a.seed)
    if a.out:
        stats = write_jsonl(a.out, arts)
        print(
            f"{stats['articles']} articles, {stats['words']} words "
            f"({stats['words'] / max(1, stats['articles']):.0f}/article), {stats['bytes'] / 1e6:.1f} MB -> {a.out}",
            file=sys.stderr,
        )
    else:
        for art in arts:
            sys.stdout.write(json.dumps(art, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
