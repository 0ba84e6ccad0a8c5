"""Plain-text listing of cleaned sources, for `digest clean`."""

from __future__ import annotations

from collections.abc import Sequence

from digest.model import Source


def cleaned_text(sources: Sequence[Source], show_removed: bool = False) -> str:
    """Each source's cleaned article under a header line; optionally what was removed and why."""
    out: list[str] = []
    for source in sources:
        out.append(f"==> {source.label} ({source.origin}) <==")
        if source.title:
            out.append(f"Title: {source.title}")
        if source.date:
            out.append(f"Date: {source.date}")
        out.append("")
        for paragraph in source.paragraphs:
            out.append(f"## {paragraph.text}" if paragraph.kind == "heading" else paragraph.text)
            out.append("")
        if show_removed:
            out.append(f"-- removed: {len(source.removed)} line(s) --")
            for line in source.removed:
                out.append(f"  [{line.reason}] {line.text}")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
