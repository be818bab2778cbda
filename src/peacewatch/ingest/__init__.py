"""Ingest: turn files, folders, URLs, feeds and JSONL into Articles (or Rejections), in input order.

Consumes user-given sources; produces ``records.Article`` with boilerplate blanked in place
(``text`` has the offsets of ``raw_text``) and ``records.Rejection`` for every input that could not
be read. Also provides the near-duplicate fingerprints and language detection used downstream.
"""

from peacewatch.ingest.clean import clean
from peacewatch.ingest.dedup import lsh_keys, signature, similarity
from peacewatch.ingest.jsonl import read_jsonl
from peacewatch.ingest.language import detect_language
from peacewatch.ingest.sources import read_sources

__all__ = [
    "clean",
    "detect_language",
    "lsh_keys",
    "read_jsonl",
    "read_sources",
    "signature",
    "similarity",
]
