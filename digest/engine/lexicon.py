"""What a sentence states, as words: content lemmas, names, numbers, negation, direction.

The same-information level of the merge (``meaning.py``) and the details (``details.py``)
compare sentences by what they state rather than how they word it. This module turns one
sentence into those facts:

* content lemmas: words that carry information, in their dictionary form (``simplemma``, the
  lemmatizer by trafilatura's author), so "killed" and "kills" are one word; function words and
  the verbs of attribution ("said", "told", "according to") are not content;
* names: capitalised words inside a sentence, and a capitalised first word that the dictionary
  does not know or knows as a proper noun;
* numbers: figures, and number words written out ("two", "second", "million"); a figure with
  its scale abbreviated is the figure and the scale ("$40bn" states what "$40 billion" states);
* negation, and words of opposite direction ("rise"/"fall", "approve"/"reject"): two sentences
  that differ in these state different facts however alike their words are.

The word lists are about English grammar in general (function words, number words, antonymous
verbs), not about any story. Other languages are lemmatised as English, which leaves their
words as they are: the comparison still works on exact word forms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from digest.engine.normalize import NEGATION_SCOPE, NEGATION_WORDS, QUOTATION, Tokens, compact, tokenize

LANGUAGE = "en"

FUNCTION_WORDS = frozenset(
    """a about above across after again against all almost along already also although always am among an and
    another any anyone anything are around as at be because been before being below between both but by can
    could did do does doing done during each either else even ever every few for from further had has have
    having he her here hers herself him himself his how however i if in into is it its itself just least less
    let like many may me might more most much must my myself near nearly neither nor now of off often on once
    one's only onto or other others otherwise our ours ourselves out over own per perhaps quite rather same
    shall she should since so some still such than that the their theirs them themselves then there these they
    this those though through throughout thus to too toward towards under until upon us very via was we were
    what whatever when where whether which while who whom whose why will with within would yet you your yours
    yourself mr mrs ms s t""".split()
)
"""Words that carry grammar, not information."""

TIME_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
"""Names of days and months: a time, comparable only with another time."""

MONTH_ABBREVIATIONS = {
    "jan": "january", "feb": "february", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
    "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
}
"""A month written short ("Dec. 27") is the month written out ("December 27"): one lemma, so the
two do not read as two different times. "Mar." is left as it is: "mar" is also a verb."""

AGENT_REACH = 2
"""Words after the "by" of a passive within which a name names who did it ("was acquired by
the Angels")."""

PASSIVE_AUXILIARIES = frozenset("is are was were be been being get gets got gotten".split())
"""One of these at most two words before "by" makes it a passive's ("was acquired by the
Angels", "has been fired by"), not a noun's ("a proposal by the Bush administration")."""

DETERMINERS = frozenset("a an the this these those his her its their our my your".split())
"""A word in its -ed or -ing form one or two words after one of these describes a noun ("the
injured man", "a rarely used law"): it is no verb of the sentence."""

JOINING = re.compile(r"(?:[\s()\[\]/&.'’-]|\b(?:and|or|of|the|de|del|da|di|van|von|der|le|la|du)\b)*", re.IGNORECASE)
"""What may stand between two words of one name or of one list of names: "Chief of Police",
"Lee and Ortiz", "Carlesimo (Oklahoma City)", "Jean-Luc", "Ludwig van Beethoven"."""

NUMBER_REACH = 2
"""Content words after a figure that say what it counts ("12 people", "12 arrested")."""

ATTRIBUTION_REACH = 3
"""Names this close to a verb of attribution ("the ministry announced", "said Ortiz") name the
source, not a fact."""

TITLES = frozenset("mr mrs ms dr prof gen maj col lt capt cmdr adm sgt cpl pvt sen rep gov pres supt insp det st jr sr".split())
"""Abbreviated titles before a name ("Maj. Gen. Ana Ruiz"): the name is the fact, not the title."""

ATTRIBUTION = frozenset("say tell add according report state told said says statement claim note explain continue announce".split())
"""Lemmas of "who said it" framing: an outlet's wording of attribution is not a fact of the story."""

NEGATIONS = NEGATION_WORDS | {"deny", "refuse", "fail"}
"""Negating words, and verbs that negate what follows ("refused to allow")."""

NEGATION_REACH = 8
"""Most words a negation bears on in ``facts``: the next NEGATION_SCOPE words in any case, and
on to the end of its clause ("never agreed to having her photograph taken" negates the
photograph too), but no further than this."""

_INSERTION = re.compile(r"\[[^\]]*\]|\([^)]*\)")
"""Words in brackets: inside a quotation, the outlet's own insertion ("respect to her (Tara
Reid) and her family"), not the words quoted."""

CLAUSE_WORDS = frozenset("but and while although though because since after before when whereas which who that".split())
"""Words that start another clause, where a negation's scope ends ("did not sign the bill *but*
vetoed the budget"; "did not know *that* he had left" asserts that he left)."""

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–.!?]")
"""Punctuation between two words that ends a negation's clause."""

_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100", "thousand": "1000", "million": "million", "billion": "billion", "trillion": "trillion",
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
    "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "dozen": "12", "dozens": "dozens",
    "hundreds": "hundreds", "thousands": "thousands", "millions": "millions", "half": "0.5", "twice": "x2",
    "bn": "billion", "m": "million", "k": "1000",
}
"""Number words to one canonical form, so "two" and "2" are the same figure and "2" and
"second" are not."""

_OPPOSITE_GROUPS = (
    ("rise rose increase raise grow gain climb jump surge soar boost expand provide up higher more",
     "fall decrease cut drop decline lose shrink reduce slash sink plunge down low lower less few"),
    ("win won beat defeat", "lose"),
    ("approve accept pass allow permit grant", "reject veto ban block"),
    ("open reopen", "close shut"),
    ("buy acquire", "sell"),
    ("arrive enter join", "leave left depart exit quit"),
    ("start begin launch", "end stop finish halt"),
    ("support back favor favour", "oppose"),
    ("guilty convict", "innocent acquit"),
    ("hire appoint", "fire dismiss oust sack"),
    ("arrest detain", "release"),
    ("alive live survive", "dead die kill"),
    ("injure injury wound hurt", "dead die kill death"),
    ("before", "after"),
    ("all every", "most some few many several"),
    ("north northern", "south southern"),
    ("east eastern", "west western"),
    ("man boy male husband son father brother", "woman girl female wife wive daughter mother sister"),
    ("attack", "defend"),
)


ORIENTING = frozenset("before after more less few all every most some many".split())
"""Function words with an opposite in OPPOSITES: they carry no content of their own, but "more
than 20" and "fewer than 20", "before the storm" and "after the storm", "all passengers" and
"some passengers" are different facts, so ``facts`` keeps them as directions."""


def _opposites() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for left, right in _OPPOSITE_GROUPS:
        lefts, rights = left.split(), right.split()
        for word in lefts:
            table.setdefault(word, set()).update(rights)
        for word in rights:
            table.setdefault(word, set()).update(lefts)
    return {word: frozenset(others) for word, others in table.items()}


OPPOSITES = _opposites()
"""Lemma -> lemmas of the opposite direction. Irregular past forms that the lemmatizer reads as
other words ("rose", "won", "left") are listed as they are. Verbs that negate ("deny",
"refuse") and verbs of attribution ("add") are not here: ``facts`` reads them as what they
mostly are in news, a negation or who said it."""


@lru_cache(maxsize=131072)
def _lemma(word: str) -> tuple[str, bool]:
    """(lemma, known as a proper noun) of a lowercase word; remembered across runs
    (``dictionary.LemmaMemo``: a run whose words were all met before loads no dictionary)."""
    from digest.engine.dictionary import LEMMAS

    return LEMMAS.lemma(word, _looked_up)


def _looked_up(word: str) -> tuple[str, bool]:
    """``_lemma`` from simplemma itself."""
    from digest.engine.dictionary import lemmatizer_for  # lazy: the dictionary loads on first use

    lemmatizer, lookup = lemmatizer_for()
    lemma = lemmatizer.lemmatize(word, LANGUAGE)
    if lemma == word and word.endswith("s"):
        # The dictionary is case-sensitive and knows the plurals of proper nouns capitalised
        # only ("Americans" -> "American", "Israelis" -> "Israeli"): a plural it leaves as it is
        # in lowercase is looked up once more, capitalised.
        lemma = lookup.get_lemma(word[:1].upper() + word[1:], LANGUAGE) or lemma
    proper = lemma[:1].isupper() or lookup.get_lemma(word, LANGUAGE) is None
    return lemma.casefold(), proper


def proper_noun(lemma_: str) -> bool:
    """Whether the dictionary knows a name's lemma only as a proper noun, or not at all
    ("maurice", "washington"), rather than as an ordinary word ("restore", "general");
    ``_lemma`` remembers its answers."""
    return _lemma(lemma_)[1]


_LEMMAS: dict[str, str] = {}
"""Normalized word -> lemma, filled as words are met (a dictionary lookup is the hot path of
``facts``, run for every word of the story)."""


_LEMMA_MEMORY = 262144
"""Most words remembered: a long-running reader's memory stays bounded."""


def lemma(word: str) -> str:
    """The dictionary form of a normalized word ("killed" -> "kill"); numbers canonical."""
    found = _LEMMAS.get(word)
    if found is None:
        if word in _NUMBER_WORDS:
            found = _NUMBER_WORDS[word]
        elif word[0].isdigit():
            found = word
        else:
            found = MONTH_ABBREVIATIONS.get(word) or _lemma(word)[0]
        if len(_LEMMAS) < _LEMMA_MEMORY:
            _LEMMAS[word] = found
    return found


def is_number(lemma_: str) -> bool:
    return lemma_[0].isdigit() or lemma_ in ("million", "billion", "trillion", "dozens", "hundreds", "thousands", "millions")


_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")
_POSSESSIVES = (*_POSSESSIVE_ENDINGS, "s'", "s’")
"""Endings of a name written in the possessive, "Jones's" and "Jones'" alike."""

_CONTRACTED = re.compile(r"(\w+)['’](?:m|ve|d|ll|re)", re.IGNORECASE)
"""A word with "am", "have", "would"/"had", "will" or "are" contracted onto it ("I'm", "we've",
"they'll", "could've"): grammar when the word itself is a function word, however it is
normalized ("I'll" becomes "ill", "we'll" "well", "she'll" "shell")."""


class Word(NamedTuple):
    """One content word of a sentence: where it stands and what it means (a named tuple: there is
    one per content word of the story). It keeps the word's place, so the sentence's tokens can
    be freed once the facts are found."""

    start: int
    end: int
    lemma: str
    name: bool
    number: bool


@dataclass(frozen=True, slots=True)
class Facts:
    """What one sentence states, as comparable sets."""

    words: tuple[Word, ...]
    """Its content words in order (function words and attribution left out)."""
    lemmas: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    negated: frozenset[str]
    """Content lemmas under a negation ("did not *sign*", "refused to *allow*")."""
    directions: frozenset[str]
    """Lemmas that have an opposite (see OPPOSITES)."""
    name_order: tuple[str, ...]
    """Names in the order the sentence mentions them (first mention)."""
    agents: frozenset[str] = frozenset()
    """Names right after the "by" of a passive: who did it ("Smith was shot by Jones" tells what
    "Jones shot Smith" tells)."""
    acronyms: tuple[tuple[str, str], ...] = ()
    """Names written with two or more capitals, with those capitals: ("fbi", "fbi"), ("nasa", "nasa")."""
    sources: frozenset[str] = frozenset()
    """Names next to a verb of attribution: who said it, not what happened."""
    quoted: frozenset[str] = frozenset()
    """Content lemmas inside quotation marks: someone's own words, a fact of their own."""
    number_contexts: tuple[tuple[str, frozenset[str]], ...] = ()
    """Each count with the content lemmas after it (what it counts): "12 people injured" and
    "12 arrested" state the same figure about different things. Dates, years, ordinals and
    amounts are left out: their neighbours vary with the wording, not the fact."""
    actions: tuple[tuple[str, int, bool], ...] = ()
    """Each verb written in its -ed or -ing form: (lemma, its place in ``words``, passive). Who
    stands before and after it says who did it and to whom (see meaning._roles_agree)."""
    breaks: tuple[int, ...] = ()
    """Places in ``words`` before which a clause word stands ("after", "when", "and", "which"):
    a name past one may belong to another clause, doing something else."""
    joined: int = 0
    """Bit i is set when the names ``words[i - 1]`` and ``words[i]`` stand in one name or one
    list: nothing but spaces, brackets, hyphens and the words of JOINING between them ("Chief of
    Police Ann Lee", "Lee and Ortiz", "Lee (Salem)"). Not across a comma, which can end a clause
    ("Attacking Lee, Ortiz shouted"), nor across "over", "to" or "than", which tell who did what."""
    abbreviated: frozenset[str] = frozenset()
    """Names written with a full stop after them ("Tenn.", "Calif.", "Gov."): a shortening of a
    longer name they begin."""
    possessives: int = 0
    """Bit i is set when the name ``words[i]`` is written in the possessive ("Ortiz's home"):
    someone the sentence speaks of through what is theirs, whatever they did."""


def add_capitalised_inside(found: set[str], text: str, tokens: Tokens) -> None:
    """Add to ``found`` the words ``text`` writes capitalised after its first word.

    Over a whole story these are its names: a sentence's first word is capitalised anyway, and
    it is a name when the story also writes it capitalised elsewhere ("Smith sued Jones" /
    "… said Smith"). ``tokens`` are the text's tokens."""
    for norm, start in islice(zip(tokens.norms, tokens.starts), 1, None):
        if text[start].isupper():
            found.add(norm)


def facts(text: str, tokens: Tokens | None = None, names: frozenset[str] = frozenset()) -> Facts:
    """The facts of one sentence. ``tokens`` are its normalized tokens, when already known;
    ``names`` are the story's names (see ``add_capitalised_inside``), for its first word."""
    tokens = tokenize(text) if tokens is None else tokens
    found: list[Word] = []
    negated: set[str] = set()
    acronyms: dict[str, str] = {}
    found_at: list[int] = []
    attributions: list[int] = []
    orienting: set[str] = set()
    agents: set[str] = set()
    actions: list[tuple[str, int, bool]] = []
    breaks: list[int] = []
    joined = possessives = 0
    agent_until = -1
    scope_near = scope_end = -1
    roles = _ROLES
    for position, (norm, start, end) in enumerate(zip(tokens.norms, tokens.starts, tokens.ends)):
        clause_word = norm in CLAUSE_WORDS
        if clause_word:
            breaks.append(len(found))
        if position <= scope_end and (clause_word or _CLAUSE_BREAK.search(text, tokens.ends[position - 1], start)):
            scope_end = min(scope_end, scope_near)  # a new clause: the negation does not reach into it
        raw = text[start:end]
        role = roles.get(raw)
        if role is None or role[0] != norm:
            role = _role(raw, norm)
            if len(roles) < _ROLE_MEMORY:
                roles[raw] = role
        kind = role[1]
        if kind == _CONTENT:
            _, _, lem, number, name, first_name, name_key, capitals, scale, verb = role
            if norm == "one" and _pronoun_one(tokens.norms, position) and text[end : end + 1] not in HYPHENS:
                continue
            if position == 0 and name:
                name = first_name or name_key in names
            if verb and not name:
                before = tokens.norms[max(0, position - 2) : position]
                if DETERMINERS.isdisjoint(before):  # not "the rarely used act": that describes a noun
                    passive = norm.endswith("ed") and not PASSIVE_AUXILIARIES.isdisjoint(before)  # "was fired"
                    actions.append((lem, len(found), passive))
            if name and found and found[-1].name and JOINING.fullmatch(text, found[-1].end, start):
                joined |= 1 << len(found)
            if name and raw.endswith(_POSSESSIVES):
                possessives |= 1 << len(found)
            found.append(Word(start, end, lem, name, number))
            found_at.append(position)
            if scale:  # "$110bn" states what "$110 billion" states: the figure, then its scale
                found.append(Word(start, end, scale, False, True))
                found_at.append(position)
            if name and capitals:
                acronyms[lem] = capitals
            if position <= scope_end:
                negated.add(lem)
                if scale:
                    negated.add(scale)
            if name and position <= agent_until:
                agents.add(lem)
                agent_until = position + 1  # the rest of the name: "by Judge James Bodiford"
            elif not name:
                agent_until = -1
        elif kind == _AGENT and not PASSIVE_AUXILIARIES.isdisjoint(tokens.norms[max(0, position - 2) : position]):
            agent_until = position + AGENT_REACH
        elif kind == _NEGATION:
            scope_near, scope_end = position + NEGATION_SCOPE, position + NEGATION_REACH
        elif kind == _ATTRIBUTION:
            attributions.append(position)
        elif kind == _ORIENTING:
            orienting.add(role[2])
    names = [w.lemma for w in found if w.name]
    order = tuple(dict.fromkeys(names))
    near_attribution = {
        p for a in attributions for p in range(a if _speaker_is_subject(tokens.norms, a) else a - ATTRIBUTION_REACH, a + ATTRIBUTION_REACH + 1)
    }
    contexts = tuple((word.lemma, _counted(text, found, i)) for i, word in enumerate(found) if _is_count(text, found, i))
    quotes = [m.span() for m in QUOTATION.finditer(text)] or _continued_quotation(text, tokens, attributions)
    inserted = [m.span() for m in _INSERTION.finditer(text)] if quotes else []
    quoted = compact(
        frozenset(w.lemma for w in found if any(a <= w.start < b for a, b in quotes) and not any(a <= w.start < b for a, b in inserted))
    )
    sources = compact(  # who said it; a day next to "said" is when
        frozenset(w.lemma for w, position in zip(found, found_at) if w.name and position in near_attribution and w.lemma not in TIME_NAMES)
    )
    lemmas = frozenset(w.lemma for w in found)
    abbreviated = compact(frozenset(w.lemma for w in found if w.name and text[w.end : w.end + 1] == "."))
    return Facts(
        words=tuple(found),
        lemmas=lemmas,
        names=compact(frozenset(names)),
        numbers=compact(frozenset(w.lemma for w in found if w.number)),
        negated=compact(frozenset(negated)),
        directions=compact(frozenset(lemma_ for lemma_ in lemmas if lemma_ in OPPOSITES).union(orienting)),
        name_order=order,
        agents=compact(frozenset(agents)),
        acronyms=tuple(sorted(acronyms.items())),
        sources=sources,
        quoted=quoted,
        number_contexts=contexts,
        actions=tuple(actions),
        breaks=tuple(breaks),
        joined=joined,
        abbreviated=abbreviated,
        possessives=possessives,
    )


SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
"""A verb of attribution followed by one of these ("the Angels said they made an offer", "the
company said it will cut 100 jobs") tells what the speaker did: the name before it is who the
fact is about, not only who told it."""


REPORTING_FILLERS = TIME_NAMES | frozenset("that on in at a an the statement interview last this next week weekend month year earlier later yesterday today tonight".split())
"""Words that may stand between a verb of attribution and the subject of what was reported
("said last week they", "said in a statement that it")."""


def _speaker_is_subject(norms: list[str], attribution: int) -> bool:
    """True when the reported clause after the verb of attribution at ``attribution`` has a
    pronoun as its subject (after a few words of when and how it was said), which stands for
    the speaker before the verb."""
    for norm in norms[attribution + 1 : attribution + 1 + SPEAKER_REACH]:
        if norm in SUBJECT_PRONOUNS:
            return True
        if norm not in REPORTING_FILLERS:
            return False
    return False


SPEAKER_REACH = 5
"""Most words after the verb of attribution looked at for the pronoun."""


_QUOTE_MARK = re.compile(r"[“”\"]")

CONTINUED_FRAMING = 8
"""Most words after a lone quotation mark for it to close a quotation begun in an earlier
sentence (`He bleeds Philadelphia,” team president Billy King said.`)."""


def _continued_quotation(text: str, tokens: Tokens, attributions: list[int]) -> list[tuple[int, int]]:
    """The span of a quotation that an earlier sentence opened and this one closes: the text
    before its one quotation mark, when the few words after the mark say who said it."""
    if text.count("“") + text.count("”") + text.count('"') != 1:  # most sentences: no mark at all
        return []
    mark = _QUOTE_MARK.search(text).start()  # type: ignore[union-attr]
    after = [k for k, start in enumerate(tokens.starts) if start > mark]
    if not after or len(after) > CONTINUED_FRAMING or not any(a >= after[0] for a in attributions):
        return []
    return [(0, mark)]


ONE_AFTER = frozenset({"of", "another"})
"""Words after "one" that make it a pronoun or a partitive ("one of the most popular players",
"one another"): the figure is the group's, when it has one ("one of six children")."""

ONE_DETERMINERS = frozenset("the this that any every each".split())
"""Words before a "one" that stands for a noun when no noun follows ("the one who fled",
"said that one was wearing headphones"), but counts one when one does ("that one person")."""

HYPHENS = frozenset("-‐‑–")


def _pronoun_one(norms: Sequence[str], position: int) -> bool:
    """True when the "one" at ``position`` stands for a person or thing rather than counting:
    "no one was hurt" says what "nobody was hurt" says, and "one of the most exclusive
    clinics" states no figure an outlet could disagree on. (The caller keeps "the one-year
    contract" a figure: a "one" joined by a hyphen counts what follows.)"""
    before = norms[position - 1] if position else ""
    after = norms[position + 1] if position + 1 < len(norms) else ""
    if before == "no" or after in ONE_AFTER:
        return True
    return before in ONE_DETERMINERS and (not after or after in FUNCTION_WORDS)


MULTIPLIERS = frozenset({"100", "1000", "million", "billion", "trillion", "dozens", "hundreds", "thousands", "millions"})


def _is_count(text: str, words: Sequence[Word], index: int) -> bool:
    """A figure that counts things ("12 people", "two buildings"): a whole number under 1,000,
    not part of a date ("March 11", "22 November"), a year, an ordinal or an amount ("3 million"),
    nor one of two figures joined by a dash, a score, record or range ("88-72", "a 284-286
    record", "9-14 start"), whose words around say nothing of what it counts."""
    word = words[index]
    if not word.lemma.isdigit() or int(word.lemma) >= 1000:
        return False
    before = words[index - 1] if index else None
    after = words[index + 1] if index + 1 < len(words) else None
    if before is not None and (before.lemma in TIME_NAMES or before.number and _dashed(text, before.end, word.start)):
        return False
    if after is not None and (after.lemma in TIME_NAMES or after.lemma in MULTIPLIERS or after.number and _dashed(text, word.end, after.start)):
        return False
    return True


def _dashed(text: str, end: int, start: int) -> bool:
    """True when the text between two words is one dash ("9-14", "9–14")."""
    return start - end == 1 and text[end] in HYPHENS


AGE = frozenset({"year", "old"})
"""What "46-year-old" counts, and so what an age set off after a name counts ("Russell, 46,")."""


def _counted(text: str, words: Sequence[Word], index: int) -> frozenset[str]:
    """What the count ``words[index]`` counts: the content words after it (NUMBER_REACH), or
    years of age for a figure set off by commas right after a name, as news writes ages
    ("Scott Russell, 46, was injured" tells what "46-year-old Scott Russell" tells)."""
    word, before = words[index], words[index - 1] if index else None
    if before is not None and before.name and text[before.end : word.start].strip() == "," and text[word.end : word.end + 1] == ",":
        return AGE
    return compact(frozenset(w.lemma for w in words[index + 1 : index + 1 + NUMBER_REACH] if not w.number))


_CONTENT, _NEGATION, _ATTRIBUTION, _ORIENTING, _AGENT, _NOTHING = "content", "negation", "attribution", "orienting", "agent", "nothing"


class _Role(NamedTuple):
    """What a word as written is to ``facts``, wherever it stands in a sentence."""

    norm: str
    """Its normalized form (the key is the word as written; this checks that they agree)."""
    kind: str
    """_CONTENT, _NEGATION (starts a negation's scope), _ATTRIBUTION ("said"), _ORIENTING (a
    function word with an opposite: ORIENTING), _AGENT ("by": who did it, in the passive) or
    _NOTHING."""
    lemma: str = ""
    number: bool = False
    name: bool = False
    """A name when it stands inside a sentence (capitalised)."""
    first_name: bool = False
    """A name as a sentence's first word, whatever the story: an acronym, or a word the
    dictionary does not know or knows as a proper noun."""
    name_key: str = ""
    """As a first word it is a name too when the story writes this capitalised elsewhere."""
    capitals: str = ""
    """An acronym's letters, lowercase ("" when it has fewer than two capitals)."""
    scale: str = ""
    """For a figure written with its scale ("110bn", "$21MM"): the scale as a word ("billion");
    ``lemma`` is then the figure alone."""
    verb: bool = False
    """An -ed or -ing form whose lemma is another word ("fired" -> "fire"): most likely a verb."""


SCALE_SUFFIXES = {"bn": "billion", "mn": "million", "mm": "million", "m": "million", "tn": "trillion", "trn": "trillion"}
"""Letters news writes straight after a figure for its scale ("$110bn", "€3.5m", "$21MM"). Not
"b": "3B" and "2B" are more often a baseball position, a pencil or a paragraph than $3 billion."""

_SCALED = re.compile(r"(\d+(?:\.\d+)?)(" + "|".join(SCALE_SUFFIXES) + ")")

_ROLES: dict[str, _Role] = {}
"""Word as written -> its role, filled as words are met: ``facts`` looks at every word of a
story, and most are words it has seen before."""

_ROLE_MEMORY = 262144
"""Most words remembered: a long-running reader's memory stays bounded."""


def _role(raw: str, norm: str) -> _Role:
    """The role of a word as written (``raw``, normalized ``norm``)."""
    written = norm
    lem = lemma(norm)
    if norm in NEGATIONS or lem in NEGATIONS:
        return _Role(written, _NEGATION)
    if norm.endswith("s") and raw.endswith(_POSSESSIVE_ENDINGS):
        norm = norm[:-1]
        lem = lemma(norm) if norm else ""
    contracted = _CONTRACTED.fullmatch(raw)
    if contracted and contracted.group(1).casefold() in FUNCTION_WORDS:
        return _Role(written, _NOTHING)
    if not norm or norm in FUNCTION_WORDS or norm in TITLES or lem in FUNCTION_WORDS:
        if lem in ORIENTING:
            return _Role(written, _ORIENTING, lem)
        return _Role(written, _AGENT if norm == "by" else _NOTHING)
    if lem in ATTRIBUTION:
        return _Role(written, _ATTRIBUTION)
    number = is_number(lem)
    if len(lem) < 2 and not number:
        return _Role(written, _NOTHING)
    scaled = _SCALED.fullmatch(lem) if number else None
    if scaled is not None:
        return _Role(written, _CONTENT, scaled.group(1), True, scale=SCALE_SUFFIXES[scaled.group(2)])
    name = not number and raw[:1].isupper()
    acronym = len(raw) > 1 and raw.isupper()
    capitals = [ch for ch in raw if ch.isupper()]
    return _Role(
        written,
        _CONTENT,
        lem,
        number,
        name,
        first_name=name and (acronym or _lemma(norm)[1]),
        name_key=norm,
        capitals="".join(capitals).lower() if len(capitals) >= 2 else "",
        verb=not number and lem != norm and norm.endswith(("ed", "ing")),
    )


def opposed(a: Facts, b: Facts) -> bool:
    """True when one sentence has a word whose opposite only the other has ("rose"/"fell")."""
    if not a.directions or not b.directions:  # most sentences: nothing to oppose
        return False
    theirs = b.directions - a.lemmas - a.directions
    for word in a.directions - b.lemmas - b.directions:
        if OPPOSITES[word] & theirs:
            return True
    return False
