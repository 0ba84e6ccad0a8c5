"""The example stories: exactly the reviewed boilerplate is removed, and every other line is kept.

The expectations below were reviewed by hand, line by line; they check the cleaner's output on
these files, they are not rules (the rules in digest/ingest/boilerplate.py know no seed text).
"""

import pytest

from digest.ingest import load_sources

REVIEWED = {
    "000": [("title", "The Department of Defense said that"), ("names", "Donald Trump; Qasem Soleimani"), ("credit", "Credit: Scott Olson/Getty Images"), ("names", "Qasem Soleimani"), ("names", "Qassem Soleimani")],
    "001": [("title", "Pentagon confirms US strike"), ("headline", "Pentagon confirms US strike"), ("widget", "2 min read"), ("date", "03 January, 2020"), ("credit", "The Pentagon confirmed that the strike was ordered"), ("promo", "Follow us on")],
    "002": [("contributor", "Melanie Sun contributed to this report.")],
    "003": [("credit", "date 2020-01-03 REUTERS/Thaier Al-Sudani")],
    "004": [("browser", "IE 11 is not supported."), ("title", "U.S. airstrike kills top Iran general"), ("promo", "Download the NBC News app"), ("credit", "Image: US Airstrike, Suleimani"), ("credit", "This photo released by the Iraqi Prime Minister Press Office")],
}


@pytest.fixture(scope="module")
def seeds():
    return {s.origin.rsplit("/", 1)[-1][:3]: s for s in load_sources([]).sources}


@pytest.mark.parametrize("seed", sorted(REVIEWED))
def test_removed_lines_are_the_reviewed_boilerplate(seeds, seed):
    removed = [(r.rule, r.text) for r in seeds[seed].removed]
    assert len(removed) == len(REVIEWED[seed])
    for (rule, text), (want_rule, want_start) in zip(removed, REVIEWED[seed]):
        assert rule == want_rule and text.strip().startswith(want_start)


@pytest.mark.parametrize("seed", sorted(REVIEWED))
def test_every_other_line_of_the_file_is_kept_verbatim(seeds, seed):
    source = seeds[seed]
    with open(source.origin, encoding="utf-8") as handle:
        lines = [" ".join(line.split()) for line in handle.read().splitlines() if line.strip()]
    kept = [p.text for p in source.paragraphs]
    removed = [r.text for r in source.removed]
    assert sorted(kept + removed) == sorted(lines)
