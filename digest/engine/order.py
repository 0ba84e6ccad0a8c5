"""One reading order for the merged story: where the outlets place each piece of information.

Each shown sentence stands for sentences of one or more outlets. Its place is the consensus of
theirs: the median of its relative positions (0 for an article's first sentence, 1 for its last),
so the lede that most outlets open with comes first and a coda that they close with comes last;
at the same place, what more outlets tell comes first, then what names the person, place or
thing that most outlets name.

Some sentences cannot stand alone: "He added that …", a quotation that goes on from the sentence
before, a sentence opening with "But" or a pronoun (or with a pronoun after a short opening
phrase: "Minutes later, he …"), one that tells what happened "then", or one after a colon. Such
a sentence is kept right after the shown sentence that stands for the one it follows in its own
outlet, so "He" keeps its antecedent and a quotation is never split. Sentences that follow each
other in one outlet's paragraph stay in one paragraph of the merged story.

A sentence *related* to another told by at least as many outlets (about the same thing, in
other facts: ``meaning.Folding.related``) is read after that one's paragraph rather than at its
own place, when this keeps its own outlet's sentences in their order and moves it at most
RELATED_REACH of the story: five outlets' different details about the same moment stand together
instead of scattered through the story.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from statistics import median

from digest.model import ParagraphKind, SentenceRef

_DEPENDENT_START = re.compile(
    r"""^["'“‘(]?\s*(?:he|she|they|it|his|her|their|its|him|them|this|that|these|those|but|and|however|still|also|yet|instead|so|then|there)\b""",
    re.IGNORECASE,
)
_PRONOUN_ATTRIBUTION = re.compile(r"\b(?:he|she|they)\s+(?:said|added|says|adds|told|continued|explained|noted|wrote|went on)\b", re.IGNORECASE)
_THEN = re.compile(r"^\W*(?:[\w'’.-]+[\s,]+){1,3}then\b(?!-)", re.IGNORECASE)
""""then" among a sentence's first words ("The council then voted", "By then, ..."): what
happened next, after what the sentence before told. ("then-President" is a title, not a time.)"""
_PRONOUN_AFTER_OPENING = re.compile(r"^[^,;:\"“”]{1,40},\s+(?:he|she|they|it)\b", re.IGNORECASE)
"""A pronoun as the subject after a short opening phrase ("Minutes later, he shot ..."): its
antecedent is in the sentence before, as for a sentence that opens with the pronoun."""


MAX_QUOTED_SENTENCES = 8
"""A quotation left open longer than this is taken as a stray mark, not a long quotation."""


def open_quotation(text: str, open_before: bool = False) -> bool:
    """Whether a quotation is open after ``text``, given whether one was open before it.

    Curly marks say which way they go; straight double quotes toggle.
    """
    opens, closes = text.count("“"), text.count("”")
    if opens or closes:
        if opens != closes:
            return opens > closes
        return open_before
    return not open_before if text.count('"') % 2 else open_before


def inside_quotation(texts: Sequence[str]) -> list[bool]:
    """For each of an outlet's sentences in order: does it start inside a quotation?"""
    result: list[bool] = []
    state, run = False, 0
    for text in texts:
        # More closing marks than opening ones (straight marks may open too): it ends a quotation
        # opened before it, even when the sentence before seemed to close every mark it opened.
        result.append(state or text.count("”") > text.count("“") + text.count('"'))
        state = open_quotation(text, state)
        run = run + 1 if state else 0
        if run > MAX_QUOTED_SENTENCES:
            state, run = False, 0
    return result


LEANS = 1
"""A sentence that leans on the one before it: "He added", "But", a pronoun, after a colon."""
CONTINUES_QUOTATION = 2
"""A sentence that goes on with a quotation the one before it opened: it binds tightest."""


def depends_on_previous(text: str, previous: str | None, quoted: bool = False) -> int:
    """How much a sentence needs the one before it in its outlet: 0 (not at all), LEANS or
    CONTINUES_QUOTATION.

    ``quoted``: it starts inside a quotation opened earlier (see ``inside_quotation``).
    """
    if previous is None:
        return 0
    stripped = text.lstrip()
    if not stripped:
        return 0
    if quoted or open_quotation(previous):
        return CONTINUES_QUOTATION
    if previous.rstrip().endswith(":") or stripped[0].islower():
        return LEANS
    leans = _DEPENDENT_START.match(stripped) or _PRONOUN_AFTER_OPENING.match(stripped) or _THEN.match(stripped)
    return LEANS if leans or _PRONOUN_ATTRIBUTION.search(stripped) else 0


@dataclass(frozen=True)
class Placed:
    """A source sentence as the orderer sees it."""

    ref: SentenceRef
    group: int
    """The shown sentence that stands for it."""
    depends: int
    """How much it needs the sentence before it in its outlet (see depends_on_previous)."""


@dataclass(frozen=True)
class OrderedBlock:
    kind: ParagraphKind
    groups: tuple[int, ...]


def reading_order(
    sources: Sequence[Sequence[Placed]],
    representative: dict[int, SentenceRef],
    kinds: dict[int, ParagraphKind],
    last: Set[int] = frozenset(),
    related: dict[int, int] | None = None,
    prominence: dict[int, tuple[int, float]] | None = None,
) -> list[OrderedBlock]:
    """Shown sentences (groups) in reading order, cut into paragraphs.

    ``sources``: each outlet's sentences in published order. ``representative``: for each group,
    the sentence whose wording is shown. ``kinds``: heading or paragraph, for each group.
    ``last``: sources whose own sentences come after the story (unrelated sources).
    ``related``: group -> a group it is about the same thing as (read after it, see above).
    ``prominence``: group -> how many outlets name the most widely named one it names, then how
    many use its words on average; at the same place and as many outlets, the sentence that
    names who the story is about comes first (a lede that says "Lindsay Lohan" before one that
    says "the 26-year-old actress"), and of those the one in the words most outlets use.
    """
    positions: dict[int, list[float]] = {}
    by_ref: dict[SentenceRef, Placed] = {}
    parent: dict[int, int] = {}
    before: dict[int, int] = {}  # group -> the groups of the sentences around its representative
    after: dict[int, int] = {}
    run_on: dict[int, int] = {}  # group -> the group shown next in its paragraph (see _continues)
    carriers: dict[int, set[int]] = {}
    for sentences in sources:
        final = max(1, len(sentences) - 1)
        for index, placed in enumerate(sentences):
            positions.setdefault(placed.group, []).append(index / final)
            carriers.setdefault(placed.group, set()).add(placed.ref.source)
            by_ref[placed.ref] = placed
            if placed.ref != representative[placed.group]:
                continue
            if index + 1 < len(sentences):
                following = sentences[index + 1]
                after[placed.group] = following.group
                if following.ref.paragraph == placed.ref.paragraph and following.ref == representative[following.group]:
                    run_on[placed.group] = following.group
            if index:
                anchor = before[placed.group] = sentences[index - 1].group
                if placed.depends and anchor != placed.group and placed.group not in parent:
                    parent[placed.group] = anchor
    _break_cycles(parent)
    place = {group: median(values) for group, values in positions.items()}
    named = prominence or {}
    key = lambda g: (representative[g].source in last, round(place[g], 9), -len(carriers[g]), *(-x for x in named.get(g, (0, 0.0))), representative[g].source, representative[g].paragraph, representative[g].sentence)  # noqa: E731
    likes = _related_anchors(related or {}, parent, (before, after), run_on, place, carriers, last, representative, key)
    # Several sentences may follow one: a quotation's continuation first, then what leans on
    # it, then related sentences in their own consensus order.
    follow = lambda g: (g in likes, 0.0 if g in parent else round(place[g], 9), -by_ref[representative[g]].depends, representative[g].source, representative[g].paragraph, representative[g].sentence)  # noqa: E731
    children: dict[int, list[int]] = {}
    for child, anchor in (*parent.items(), *likes.items()):
        children.setdefault(anchor, []).append(child)
    order: list[int] = []
    stack = sorted((g for g in place if g not in parent and g not in likes), key=key, reverse=True)
    while stack:
        group = stack.pop()
        order.append(group)
        stack.extend(sorted(children.get(group, ()), key=follow, reverse=True))
    return _paragraphs(order, representative, kinds, parent)


def _related_anchors(
    related: dict[int, int],
    parent: dict[int, int],
    neighbours: tuple[dict[int, int], dict[int, int]],
    run_on: dict[int, int],
    place: dict[int, float],
    carriers: dict[int, set[int]],
    last: Set[int],
    representative: dict[int, SentenceRef],
    key: Callable[[int], tuple],
) -> dict[int, int]:
    """The related links the order follows. A link goes from a group placed by its own position
    (no antecedent it depends on) to a shown group told by at least as many outlets, whose place
    lies between those of the sentences before and after it in its own outlet (``neighbours``),
    so a link never makes an outlet's sentences read out of their order. It is read after the
    end of that group's paragraph (``run_on``), never inside it. Never from or to an unrelated
    source's sentence, and never closing a loop with the dependency links. Between two sentences
    at the same place told by as many outlets (two ledes), the one the order reads first
    (``key``: the more prominent) is the anchor: a related link never puts the better lede second."""
    before, after = neighbours
    likes: dict[int, int] = {}

    def link(group: int, anchor: int) -> bool:
        if group in parent or group in likes or group not in place or anchor not in place or anchor == group:
            return False
        if len(carriers[anchor]) < len(carriers[group]) or representative[group].source in last or representative[anchor].source in last:
            return False
        if round(place[group], 9) == round(place[anchor], 9) and len(carriers[anchor]) == len(carriers[group]) and key(group) < key(anchor):
            return False
        for _ in range(MAX_CHAIN):
            if anchor not in run_on or run_on[anchor] == group:
                break
            anchor = run_on[anchor]
        if not place[before.get(group, anchor)] <= place[anchor] <= place[after.get(group, anchor)]:
            return False
        if abs(place[anchor] - place[group]) > RELATED_REACH:
            return False
        if anchor == group or _reaches(anchor, group, parent, likes):
            return False
        likes[group] = anchor
        return True

    for group in sorted(related):
        # the less informative one follows the other; if that would read an outlet out of
        # order, the other way round may not
        if not link(group, related[group]):
            link(related[group], group)
    _keep_within_reach(likes, parent, place)
    return likes


def _keep_within_reach(likes: dict[int, int], parent: dict[int, int], place: dict[int, float]) -> None:
    """Drop the links that, followed to the end of their chain, move a sentence more than
    RELATED_REACH: each link is checked against its own anchor only when it is made, and an
    anchor may itself be carried along by a link made later (outlet C's lede follows outlet
    A's, which follows a paragraph far down the story: C's lede is read far down too).
    Links nearest their chain's start are checked first, so a dropped link's followers are
    checked against where it now stands."""

    def chain(group: int) -> tuple[int, int]:
        """(links followed, the group at the end) from ``group`` up its chain."""
        steps, end, node = 0, group, parent.get(group, likes.get(group))
        while node is not None and steps < MAX_CHAIN:
            steps, end, node = steps + 1, node, parent.get(node, likes.get(node))
        return steps, end

    for group in sorted(likes, key=lambda g: (chain(g)[0], g)):
        if abs(place[chain(group)[1]] - place[group]) > RELATED_REACH:
            del likes[group]


RELATED_REACH = 0.25
"""How far (in relative position, 0 to 1) a related link may move a sentence from where the
outlets place it: a lede stays near the top however alike a later sentence is."""

MAX_CHAIN = 64
"""How far a chain of links is followed to rule out a loop; a longer one is taken as a loop,
so the link is not made (keeps the order linear in the story's length)."""


def _reaches(start: int, target: int, parent: dict[int, int], likes: dict[int, int]) -> bool:
    """Whether following links up from ``start`` meets ``target`` (or goes on too long to tell)."""
    node: int | None = start
    for _ in range(MAX_CHAIN):
        if node is None:
            return False
        if node == target:
            return True
        node = parent.get(node, likes.get(node))
    return True


def _break_cycles(parent: dict[int, int]) -> None:
    """A group's anchor chain must end at a group placed by position: cut any loop."""
    for start in list(parent):
        seen = {start}
        node = parent.get(start)
        while node is not None:
            if node in seen:
                parent.pop(start, None)
                break
            seen.add(node)
            node = parent.get(node)


def _paragraphs(order: list[int], representative: dict[int, SentenceRef], kinds: dict[int, ParagraphKind], parent: dict[int, int]) -> list[OrderedBlock]:
    blocks: list[OrderedBlock] = []
    current: list[int] = []
    for group in order:
        if current and _continues(current[-1], group, representative, kinds, parent):
            current.append(group)
            continue
        if current:
            blocks.append(OrderedBlock(kinds[current[0]], tuple(current)))
        current = [group]
    if current:
        blocks.append(OrderedBlock(kinds[current[0]], tuple(current)))
    return blocks


def _continues(previous: int, group: int, representative: dict[int, SentenceRef], kinds: dict[int, ParagraphKind], parent: dict[int, int]) -> bool:
    if kinds[previous] == "heading" or kinds[group] == "heading":
        return False
    if parent.get(group) == previous:
        return True
    a, b = representative[previous], representative[group]
    return a.source == b.source and a.paragraph == b.paragraph and b.sentence == a.sentence + 1
