"""The line-level boilerplate cleaner shared by every format.

Each rule describes a *kind* of non-article line (a browser notice, an app prompt, a photo
credit...) and returns its reason when a line is of that kind. Rules are written for precision:
dropping a real sentence is worse than keeping a stray credit line, so every rule is anchored to
the shape of the whole line and most refuse lines longer than a caption or a widget label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from digest.ingest.lines import RawLine
from digest.model import Paragraph, RemovedLine

I = re.IGNORECASE


@dataclass(frozen=True)
class LineContext:
    """What a rule may know about a line beyond its text."""

    line: RawLine
    block_lines: tuple[RawLine, ...]
    """All lines of the same block, this one included."""
    title: str | None
    in_related_list: bool
    """True after a "Related"/"Most read" heading, until the list of links ends."""
    before_body: bool = False
    """True while no paragraph of body text has been kept yet (headline, kicker, standfirst)."""


_WORD = re.compile(r"[\w'’.-]+")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """The line's words; remembered, since several rules ask for the same line's."""
    return tuple(_WORD.findall(text))


def _short(text: str, limit: int) -> bool:
    return len(_words(text)) <= limit


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"'”’)]").endswith((".", "!", "?"))


# --- agencies and outlets: names of a general kind, not of any one story --------------------

_AGENCIES = (
    r"AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Getty(?: Images)?|Shutterstock|Alamy|Bloomberg|PA(?: Images| Wire)?"
    r"|NurPhoto|SIPA|Sipa USA|Xinhua|Anadolu(?: Agency)?|ANSA|dpa|DPA|Pool|Handout|HANDOUT|Corbis"
    r"|Associated Press|iStock|Imago|ZUMA(?: Press| Wire)?|TASS|Yonhap|Kyodo|UPI|WENN|Rex|REX"
)
_AGENCY_SLASH = re.compile(
    rf"(?:\b(?:{_AGENCIES})\s*/\s*[A-Z][\w.'-]+)|(?:[A-Z][\w.'-]+\s*/\s*(?:{_AGENCIES})\b)"
)
_VIA_AGENCY = re.compile(rf"\bvia (?:{_AGENCIES})\.?$")
_BRACKET_CREDIT = re.compile(rf"[\[(](?:(?i:photo|image|picture|credit)s?:?\s*)?(?:{_AGENCIES})\b[^\])]{{0,40}}[\])]\s*$")
_TAG = re.compile(r"[A-Z]{3,}(?: [A-Z]{3,})?")


def _ends_with_bracket_tag(text: str) -> bool:
    """A line closing on a section tag in capitals, "Flood warnings extended [NEWS] |".

    Read from the end only, so the test costs the same on a line of any length.
    """
    tail = text.rstrip().rstrip("|").rstrip()
    if not tail.endswith("]"):
        return False
    opening = tail.rfind("[", max(0, len(tail) - 40))
    return opening > 0 and bool(tail[:opening].strip()) and bool(_TAG.fullmatch(tail[opening + 1 : -1]))


_DATE_WORDS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?"
_DATE = (
    rf"(?:{_WEEKDAY}\s*)?(?:"
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_DATE_WORDS},?\s+\d{{4}}"
    rf"|{_DATE_WORDS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r")"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?(?:\s?m\.?)?)?(?:\s*[A-Z]{2,4}){0,2})"
_YEARLESS_WITH_TIME = rf"{_DATE_WORDS}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*(?:at\s+)?{_TIME}"
"""A month and day followed by a time ("Jul. 7 5:59 PM EDT"): a timestamp even without a year."""
_DATE_LINE = re.compile(
    rf"^(?:on\s+)?(?:(?:date|published|updated|posted|last updated|first published|modified)\s*:?\s*(?:on\s+)?)?"
    rf"(?:(?:{_TIME}\s*,?\s*)?{_DATE}(?:\s*,?\s*(?:at\s+)?{_TIME})?|{_YEARLESS_WITH_TIME})"
    r"(?:\s*(?:\||·|-|–|—)?\s*(?:updated|by)\b.*)?[.:]?$",
    I,
)
_FIND_DATE = re.compile(_DATE, I)
_TIME_LINE = re.compile(rf"^(?:(?:updated|posted|published|last updated|modified)\s*:?\s*)?(?:at\s+)?{_TIME}[.:]?$", I)
"""A time standing alone, or a publication time without a date ("Updated 5:40 p.m. ET",
"8:24am:" over a live blog's entry): a timestamp, not a sentence."""


def find_date(text: str) -> str | None:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``, when it can be read unambiguously."""
    from datetime import datetime

    match = _FIND_DATE.search(text)
    if not match:
        return None
    found = re.sub(rf"^{_WEEKDAY}\s*", "", match.group(), flags=I)
    found = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", found).replace(",", " ").replace(".", " ")
    found = " ".join(found.split())
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(found[:16] if "T" in found else found, fmt).date().isoformat()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class Cue:
    """A pattern that marks a kind of line; with ``needs``, only when that is found too."""

    pattern: re.Pattern[str]
    reason: str
    needs: re.Pattern[str] | None = None


def cue(pattern: str, reason: str, needs: str | None = None, flags: int = I) -> Cue:
    return Cue(re.compile(pattern, flags), reason, re.compile(needs, flags) if needs else None)


def first_cue(text: str, cues: tuple[Cue, ...]) -> str | None:
    """The reason of the first cue that fits ``text``, or None."""
    for item in cues:
        if item.pattern.search(text) and (item.needs is None or item.needs.search(text)):
            return item.reason
    return None


_CAPTION = "photo credit or caption"
PHOTO_CUES = (
    cue(r"^(?:!\[[^\]]*\]\([^)]*\)\s*)+$", "image"),
    cue(r"^(?:photo|photograph|image|picture|pic|illustration|video|graphic|credit|credits|"
        r"photo credit|image credit|source image|caption)s?\s*[:|]", _CAPTION),
    cue(r"^\(?(?:photo|image|picture)s?\s+(?:by|courtesy|credit)\b", _CAPTION),
    cue(r"^this (?:photo|image|picture|handout|file photo|video|frame grab)\b", _CAPTION),
    # "Courtesy of The Independent": a credit is a fragment; a sentence that begins so ends
    # as sentences do ("Courtesy of a donor, the library reopened.")
    cue(r"^\(?courtesy(?: of)?\s+\S.*[^.!?\"”’]$", _CAPTION),
)
CREDIT_TAIL_CUES = (Cue(_VIA_AGENCY, _CAPTION), Cue(_BRACKET_CREDIT, _CAPTION))
"""Captions recognised by how they end: "... via AP", "... [Getty]"."""


def _photo_credit(text: str, ctx: LineContext) -> str | None:
    if not _short(text, 40):
        return None
    if reason := first_cue(text, PHOTO_CUES):
        return reason
    if _AGENCY_SLASH.search(text) and _short(_AGENCY_SLASH.sub("", text), 12):
        return "agency photo byline"
    return first_cue(text, CREDIT_TAIL_CUES)


BROWSER_CUES = (
    cue(r"\b(?:IE ?\d+|internet explorer|your (?:web )?browser|this browser|another browser|"
        r"browser (?:is|version|does)|(?:enable|turn on) javascript|javascript (?:is )?(?:disabled|required|off))\b",
        "browser notice", needs=r"\b(?:support|browser|upgrade|update|enable|experience|javascript)"),
    cue(r"\bcookies?\b", "cookie notice", needs=r"\b(?:accept|consent|we use|uses|policy|settings|agree)\b"),
)


def _browser_notice(text: str, ctx: LineContext) -> str | None:
    return first_cue(text, BROWSER_CUES) if _short(text, 40) else None


_SOCIAL = r"(?:twitter|x|facebook|instagram|tiktok|youtube|linkedin|threads|telegram|whatsapp|snapchat|google news|flipboard|bluesky|mastodon)"
_SUBSCRIBE = "newsletter or subscription prompt"
PROMO_CUES = (
    cue(r"^(?:download|get|install|try)\b.{0,60}\bapps?\b", "app prompt"),
    cue(r"\bget the .{0,40} app\b", "app prompt"),
    cue(rf"^(?:follow|like|join|find|connect with|subscribe to)\b.{{0,50}}\bon\s+{_SOCIAL}\b", "social media prompt"),
    cue(rf"\bfollow (?:us|\w+) on {_SOCIAL}\b", "social media prompt", needs=r"\bstay (?:connected|up to date|informed)\b|^follow"),
    cue(r"^(?:sign up|subscribe|register|join)\b", _SUBSCRIBE,
        needs=r"\b(?:newsletter|email|inbox|alerts?|updates|free|today|now|here|channel|our|to \w+ on)\b"),
    cue(r"^(?:thanks|thank you) for (?:signing up|subscribing|reading)\b", _SUBSCRIBE),
    cue(r"\b(?:keep an eye on your inbox|check your inbox|error processing your subscription)\b", _SUBSCRIBE),
    cue(r"\b(?:click|tap) here (?:to|for)\b", "call to action", needs=r"\b(?:subscribe|app|newsletter|sign up)\b"),
    cue(r"^(?:sound off|let us know|tell us|share your (?:thoughts|views|opinion)|weigh in|have your say)\b.{0,60}"
        r"\bcomments?(?: section)?(?: below)?\s*[.!]?$", "comments prompt"),
)


def _promo(text: str, ctx: LineContext) -> str | None:
    if not _short(text, 30):
        return None
    if re.search(r"\bnewsletters?\b", text, I) and not _ends_sentence(text) and _short(text, 8):
        return _SUBSCRIBE  # a newsletter's name standing as a widget title
    return first_cue(text, PROMO_CUES)


_WIDGET_LABEL = (r"(?:share(?: this)?(?: article| story| on \w+)?|tweet|email|e-mail|print(?: article| this)?|save|copy link|"
                 r"order reprints?|reprints?|comments?|\d+ comments?|show comments|view comments|listen(?: to this article)?)")
WIDGET_CUES = (
    cue(r"^(?:\d+\s*(?:-|to)\s*)?\d+\s*(?:min|mins|minutes?|m)\.?\s*(?:read|reading|to read)$", "read time"),
    cue(r"^(?:reading time|read time|time to read|estimated reading time|tempo de leitura|"
        r"tiempo de lectura|temps de lecture|lesezeit|tempo di lettura|leestijd)\s*:?\s*\d+", "read time"),
    cue(rf"^(?:{_WIDGET_LABEL})(?:\s*[|/·•,]\s*{_WIDGET_LABEL})*\s*:?$", "share or tool widget"),
    cue(r"^(?:tell us what you think|leave a (?:comment|reply)|join the (?:conversation|discussion)|add a comment|post a comment)\b",
        "comments prompt"),
    cue(r"^(?:an error (?:has )?occurred|something went wrong|sorry!?$|this article has been sent to)", "widget message"),
)


def _read_time_or_widget(text: str, ctx: LineContext) -> str | None:
    return first_cue(text, WIDGET_CUES) if _short(text, 8) else None


_CONTRIBUTOR = "contributor line"
CONTRIBUTOR_CUES = (
    cue(r"\b(?:contributed|contributing) (?:to )?(?:this |the )?(?:report|story|article)(?:ing)?\.?\)?$", _CONTRIBUTOR),
    cue(r"^\(?(?:additional |further )?(?:reporting|writing|editing|research|translation|compiled|"
        r"translated|edited|written|produced)(?: and \w+)? by\b", _CONTRIBUTOR),
    cue(r"^write to .{1,60} at \S+@\S+", _CONTRIBUTOR),
    cue(r"^(?:contact|email) (?:the )?(?:author|reporter|writer)\b", _CONTRIBUTOR),
)
_BYLINE = re.compile(
    r"^(?i:by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*"
    r"(?:\s*(?:,|\||-|–|—)\s*.{0,40})?$"
)


def _contributor(text: str, ctx: LineContext) -> str | None:
    if not _short(text, 45):
        return None
    if _BYLINE.match(text) and _short(text, 14) and not _ends_sentence(text.rstrip(".")):
        return "byline"
    return first_cue(text, CONTRIBUTOR_CUES)


def _date_line(text: str, ctx: LineContext) -> str | None:
    if not _short(text, 16):
        return None
    if _DATE_LINE.match(text) or _TIME_LINE.match(text):
        return "standalone date"
    if _FIND_DATE.search(text):
        rest = _FIND_DATE.sub(" ", text)
        rest = re.sub(rf"{_TIME}|\b(?:date|published|updated|posted|on|at|by)\b|[|·•,:@–—-]", " ", rest, flags=I)
        if not rest.strip() or (_AGENCY_SLASH.search(rest) and _short(_AGENCY_SLASH.sub("", rest), 3)):
            return "dateline"
        if re.match(r"^\s*(?:by\s+)?[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*$", rest) and re.search(r"\bby\b", text, I):
            return "dateline"
        if re.fullmatch(r"\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}\s*", rest) and not _ends_sentence(text):
            return "dateline"  # "WASHINGTON, DC, April 28, 2009": the place in capitals and the date
    return None


LEGAL_CUES = (
    cue(r"^(?:copyright|©|\(c\))", "copyright notice"),
    cue(r"\ball rights reserved\b", "copyright notice"),
    cue(r"^(?:filed under|tags?|tagged|categor(?:y|ies)|topics?|keywords?)\s*:", "tags or categories"),
)


_FIELD = re.compile(r"(?:^|[-|·•/]\s*)(?:\w+\s){0,2}\w+\s?:(?=\s|$)")


def _metadata_fields(text: str, ctx: LineContext) -> str | None:
    """A line of labelled fields ("Posted by: Ana Ruiz | Category: Health - Tags: flu"), in any
    language: two or more short labels with a colon, set apart by separators, no sentence."""
    if not _short(text, 30) or _ends_sentence(text) or not re.search(r"\s[-|·•/]\s", text):
        return None
    return "article metadata (author, category, tags)" if len(_FIELD.findall(text)) >= 2 else None


def _legal_or_link(text: str, ctx: LineContext) -> str | None:
    if re.match(r"^source\s*:\s*\S", text, I) and _short(text, 8) and not _ends_sentence(text):
        return "source label"
    if re.match(r"^SOURCE\s+[A-Z]", text) and _short(text, 8):
        return "source label"  # a press release's closing "SOURCE Harbor Authority" line
    if re.match(r"^this copy is for your personal,? non-commercial use\b", text, I):
        return "reprint notice"  # the legal notice runs long: no length limit
    return first_cue(text, LEGAL_CUES) if _short(text, 30) else None


_RELATED_HEAD = re.compile(
    r"^(?:related(?: (?:stories|articles|coverage|content|links|reading|news|posts?|videos?))?"
    r"|read more|read next|see more|see also|more(?: stories| news| coverage| from [\w .'-]{1,30}| on [\w .'-]{1,30})?"
    r"|also read|read also|also see|most (?:read|popular|viewed|shared)(?: [\w .'-]{1,30})?|popular on [\w .'-]{1,30}"
    r"|don'?t miss|don’t miss|recommended(?: for you| stories| reading)?|you (?:may|might) also like|trending(?: now| stories)?"
    r"|top stories|latest (?:news|stories)|watch(?: more| next)?|leggi anche|lesen sie auch|lire aussi|leia também|lea también)"
    r"\s*:?\s*$",
    I,
)
_RELATED_PREFIX = re.compile(
    r"^[(\[]?(?:related|read more|read next|see more|see also|more|also read|read also|watch|listen|leggi anche(?: su)?|"
    r"lesen sie auch|lire aussi|leia também|lea también)\s*[:|-]\s*\S",
    I,
)


def _related(text: str, ctx: LineContext) -> str | None:
    if _RELATED_HEAD.match(text) or _RELATED_HEAD.match(text.rstrip(".")):
        return "related-links heading"
    if _RELATED_PREFIX.match(text) and _short(text, 25):
        return "related link"
    if ctx.in_related_list and ctx.line.kind == "item":
        return "related link"
    if _short(text, 20) and _ends_with_bracket_tag(text):
        return "related link"
    return None


@lru_cache(maxsize=4096)
def _norm_title(text: str) -> str:
    """Lowercase words only; remembered, since every line of an article is compared with its title."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def _word_overlap(a: str, b: str) -> float:
    wa, wb = set(_norm_title(a).split()), set(_norm_title(b).split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _top_of_article(text: str, ctx: LineContext) -> str | None:
    """What sits above the body: the headline again, a section kicker, a standfirst."""
    if ctx.title and _norm_title(text) == _norm_title(ctx.title):
        return "headline repeated"
    if not ctx.before_body or ctx.line.kind != "heading":
        return None
    if ctx.title and _word_overlap(text, ctx.title) >= 0.6:
        return "headline repeated"
    words = _words(text)
    if len(words) <= 3 and not _ends_sentence(text):
        return "section label above the headline"
    if len(words) >= 8:
        return "standfirst (summary under the headline)"
    return None


def _link_list(text: str, ctx: LineContext) -> str | None:
    """List items, and short lines, that are all link text: navigation, not the story."""
    if ctx.line.kind == "item" and ctx.line.link_share >= 0.6 and len(_words(text)) >= 5:
        return "list of links"
    if ctx.line.link_share >= 0.95 and 5 <= len(_words(text)) <= 15 and not _ends_sentence(text):
        return "list of links"
    return None


_NAME = r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|de|da|del|der|di|du|van|von|la|le)-?[A-Z]?[\w'’.-]*)"
_NAME_LIST = re.compile(rf"^{_NAME}(?:\s+{_NAME}){{0,4}}(?:\s*[;,&|/]\s*{_NAME}(?:\s+{_NAME}){{0,4}})*$")


def _name_caption(text: str, ctx: LineContext) -> str | None:
    """Caption lines that only name people ("Jane Doe; John Roe"), stacked with other lines.

    A lone line of capitalised words is more likely a heading, so a line counts only when it
    lists several names with a separator or stands in a block of more than one line.
    """
    if not _NAME_LIST.match(text) or not _short(text, 12) or ctx.line.kind == "heading":
        return None
    names = [n for n in re.split(r"\s*[;,&|/]\s*", text) if n]
    if len(names) >= 2 and all(1 <= len(n.split()) <= 4 for n in names):
        return "caption of names"
    stacked = len(ctx.block_lines) > 1 and all(
        _NAME_LIST.match(other.text) or _photo_credit(other.text, ctx) for other in ctx.block_lines
    )
    if stacked and 2 <= len(text.split()) <= 4:
        return "caption of names"
    return None


Rule = Callable[[str, LineContext], "str | None"]

RULES: tuple[tuple[str, Rule], ...] = (
    ("headline", _top_of_article),
    ("links", _link_list),
    ("browser", _browser_notice),
    ("promo", _promo),
    ("widget", _read_time_or_widget),
    ("credit", _photo_credit),
    ("contributor", _contributor),
    ("date", _date_line),
    ("fields", _metadata_fields),
    ("legal", _legal_or_link),
    ("related", _related),
    ("names", _name_caption),
)
"""Every rule, in the order they are tried; the first that fires gives the reason."""


def classify(line: RawLine, ctx: LineContext) -> tuple[str, str] | None:
    """Return (rule id, reason) for a boilerplate line, or None for article text."""
    text = line.text.strip()
    for rule_id, rule in RULES:
        reason = rule(text, ctx)
        if reason:
            return rule_id, reason
    return None


@dataclass(frozen=True)
class Cleaned:
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedLine, ...]


def clean_lines(lines: Sequence[RawLine], title: str | None) -> Cleaned:
    """Drop boilerplate lines, recording each with its reason; keep the rest as paragraphs."""
    grouped: dict[int, list[RawLine]] = {}
    for line in lines:
        grouped.setdefault(line.block, []).append(line)
    blocks = {block: tuple(members) for block, members in grouped.items()}
    kept: list[Paragraph] = []
    removed: list[RemovedLine] = []
    in_related_list = False
    body_started = False
    for position, line in enumerate(lines):
        ctx = LineContext(line, blocks[line.block], title, in_related_list, before_body=not body_started)
        verdict = classify(line, ctx)
        if verdict:
            rule_id, reason = verdict
            removed.append(RemovedLine(line.text, reason, rule_id, position))
            if rule_id == "related" and reason == "related-links heading":
                in_related_list = True
            continue
        if line.kind != "item":
            in_related_list = False
        kind = "heading" if line.kind == "heading" else "paragraph"
        body_started = body_started or kind == "paragraph"
        kept.append(Paragraph(line.text, kind))
    return Cleaned(tuple(kept), tuple(removed))
