"""Reading what people type: the web search syntax, and text that must never break a search."""

import pytest

from village.search.query import MAX_TERMS, parse_query, significant_words


def test_plain_words_must_all_match_and_common_words_are_dropped():
    query = parse_query("How do I stop my toddler biting?")
    assert [[t.words for t in g] for g in query.groups] == [
        [("stop",)],
        [("toddler",)],
        [("biting",)],
    ]


def test_quotes_make_a_phrase_or_joins_two_words_and_minus_leaves_one_out():
    query = parse_query('"screen time" tablet OR phone -console')
    assert query.to_fts5() == '("screen time" AND ("tablet" OR "phone")) NOT "console"'
    assert query.to_websearch() == '"screen time" tablet or phone -console'


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced quote',
        "((((",
        "NEAR(a b) AND title:x*",
        "😀🙈",
        "-",
        "OR OR OR",
        "a\x00b",
        "' OR 1=1; DROP TABLE questions_question; --",
        "x" * 5000,
        "ünïcödé naïve café",
    ],
)
def test_any_text_reads_as_words_or_nothing(text):
    query = parse_query(text)
    assert all(word.isalnum() for word in query.words)


def test_a_query_keeps_only_its_first_terms():
    query = parse_query(" ".join(f"word{n}" for n in range(200)))
    assert len(query.words) == MAX_TERMS


def test_a_query_of_only_common_words_or_symbols_has_nothing_to_search():
    assert not parse_query("the and of")
    assert not parse_query("!!! ??? ***")
    assert not parse_query("-excluded")


def test_significant_words_are_distinct_and_in_order():
    assert significant_words("Screen time: how much screen time is okay?") == [
        "screen",
        "time",
        "much",
        "okay",
    ]
