"""What people type into the search box, read the same way for both engines.

The syntax is PostgreSQL's web search syntax: words (all must match), "quoted phrases",
OR between two alternatives, and -minus to leave a word out. Anything else (brackets,
operators of other search engines, emoji, half a quote) is read as plain words or dropped,
so no text can make a query fail. Very common words are dropped on both engines alike, and a
query is cut to its first MAX_TERMS terms, a phrase to its first MAX_PHRASE_WORDS words: what
people type fits easily, and a crafted query of many long phrases can't tie up the database.
"""

import re
from dataclasses import dataclass

MAX_QUERY_LENGTH = 1000
MAX_TERMS = 12
MAX_PHRASE_WORDS = 8

# Close to PostgreSQL's English stop words, so SQLite (whose FTS5 keeps every word) matches
# the same questions.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves s t don ll re ve d m""".split()  # noqa: SIM905
)

_CHUNK = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class ParsedQuery:
    """All groups must match (each group: any one of its terms); no excluded term may."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    def loosened(self) -> "ParsedQuery":
        """Any one of the terms instead of all of them, for when nothing has them all."""
        terms = tuple(term for group in self.groups for term in group)
        return ParsedQuery((terms,) if terms else (), self.excluded)

    @property
    def words(self) -> list[str]:
        return [w for group in self.groups for term in group for w in term.words]

    def to_fts5(self) -> str:
        """An FTS5 MATCH expression: every word quoted, so none is read as an operator."""
        groups = []
        for group in self.groups:
            alternatives = [_fts5_string(term) for term in group]
            groups.append(
                alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"
            )
        expression = " AND ".join(groups)
        for term in self.excluded:
            expression = f"({expression}) NOT {_fts5_string(term)}"
        return expression

    def to_websearch(self) -> str:
        """The same query in websearch_to_tsquery's syntax, rebuilt from clean words."""
        groups = [" or ".join(_websearch_term(term) for term in group) for group in self.groups]
        excluded = [f"-{_websearch_term(term)}" for term in self.excluded]
        return " ".join(groups + excluded)


def _fts5_string(term: Term) -> str:
    return '"' + " ".join(term.words).replace('"', '""') + '"'


def _websearch_term(term: Term) -> str:
    return f'"{" ".join(term.words)}"' if term.is_phrase else term.words[0]


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text))


def parse_query(text: str) -> ParsedQuery:
    """Read a search box's text. An empty ParsedQuery means nothing to search for."""
    text = (text or "")[:MAX_QUERY_LENGTH]
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    count = 0
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for match in _CHUNK.finditer(text):
        if count >= MAX_TERMS:
            break
        minus, phrase, bare = match.groups()
        if bare is not None and bare == "OR":
            join_next = bool(groups)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            minus, bare = "-", bare[1:]
        words = _words(phrase if phrase is not None else bare)[:MAX_PHRASE_WORDS]
        if phrase is None:
            # A bare chunk like "child's" or "3-year-old" is its words, each on its own.
            terms = [Term((w,)) for w in words if w not in STOPWORDS]
        else:
            meaningful = [w for w in words if w not in STOPWORDS]
            terms = [Term(words)] if len(words) > 1 and meaningful else []
            terms += [Term(meaningful)] if len(words) == 1 and meaningful else []
        for term in terms:
            # A word said twice adds nothing, and costs a lot: SQLite's snippet() slows to
            # minutes on "word word word ..." over a long text full of that word.
            key = (minus, tuple(term.words))
            if key in seen:
                continue
            seen.add(key)
            count += 1
            if minus:
                excluded.append(term)
            elif join_next and groups:
                groups[-1].append(term)
            else:
                groups.append([term])
            join_next = False
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded))


def significant_words(text: str, limit: int = 12) -> list[str]:
    """The distinct words of a text that say what it is about, in order, for similarity."""
    unique = dict.fromkeys(w for w in _words(text[:MAX_QUERY_LENGTH]) if w not in STOPWORDS)
    return [w for w in unique if len(w) > 1][:limit]
