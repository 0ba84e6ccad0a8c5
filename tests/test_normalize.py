"""Normalization and shingling."""

from digest.engine.normalize import numbers, shingles, tokenize, words


def test_case_quotes_acronyms_and_punctuation_are_ignored():
    assert words("The U.S. military’s “decisive” action") == words('the US military\'s "decisive" action!')


def test_numbers_are_kept_without_thousands_separators():
    assert words("about 1,200 troops, 13.8 percent, Dec. 27th") == ["about", "1200", "troops", "13.8", "percent", "dec", "27th"]
    assert numbers(words("killed 25 fighters and 3 others")) == {"25", "3"}


def test_a_figure_with_letters_is_the_same_in_either_case():
    # a headline or a transaction list writes "76ERS" and "5PM"; the text beside it "76ers", "5pm"
    assert words("The 76ERS play at 5PM") == words("the 76ers play at 5pm")


def test_token_offsets_point_into_the_original_text():
    text = "Gen. Soleimani, the U.S. said."
    tokens = tokenize(text)
    for norm, start, end in zip(tokens.norms, tokens.starts, tokens.ends):
        assert text[start:end].replace(".", "").casefold().replace("’", "") == norm
    assert text[tokens.starts[-1] : tokens.ends[-1]] == "said"


def test_shingles_are_word_trigrams_and_short_texts_are_one_shingle():
    assert shingles(["a", "b", "c", "d"]) == {"a b c", "b c d"}
    assert shingles(["a", "b"]) == {"a b"}
    assert shingles([]) == frozenset()
