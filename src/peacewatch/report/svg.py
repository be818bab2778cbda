"""Tiny helpers to write SVG by hand: every text node and attribute escaped."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr


def attrs(**kw: object) -> str:
    """Attributes in the order given; ``class_`` → ``class``, ``stroke_width`` → ``stroke-width``."""
    parts = []
    for k, v in kw.items():
        if v is None:
            continue
        name = k.rstrip("_").replace("_", "-")
        parts.append(f"{name}={quoteattr(_num(v) if isinstance(v, float) else str(v))}")
    return " ".join(parts)


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def text(x: float, y: float, s: str, **kw: object) -> str:
    return f"<text {attrs(x=float(x), y=float(y), **kw)}>{escape(s)}</text>"


def open_svg(width: int, height: int, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" {attrs(width=width, height=height)} '
        f"{attrs(viewBox=f'0 0 {width} {height}', role='img')} {attrs(aria_label=label)} "
        'font-family="DejaVu Sans, Arial, sans-serif">'
        f"<title>{escape(label)}</title>"
    )
