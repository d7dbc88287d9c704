"""What the search pages show: results with their questions, similar and related questions."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q

from village.questions.models import Question
from village.questions.queries import LIVE_ANSWER, question_list
from village.questions.visibility import visibility_token
from village.search.engines import Filters, Hit, engine_for
from village.search.query import parse_query, significant_words

RESULTS_PER_PAGE = 20
MAX_PAGE = 50
SIMILAR_LIMIT = 5
RELATED_LIMIT = 5
RELATED_CANDIDATES = 20
RELATED_CACHE_SECONDS = 600


@dataclass
class SearchResults:
    text: str
    filters: Filters
    page: int
    hits: list[Hit] = field(default_factory=list)
    has_next: bool = False
    searched: bool = False  # False when the text held nothing to search for
    loose: bool = False  # True when no question had every word, so these have some

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def first_number(self) -> int:
        return (self.page - 1) * RESULTS_PER_PAGE + 1

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.hits) - 1


def _questions_by_id(ids) -> dict[int, Question]:
    return {q.pk: q for q in question_list(Question.objects.filter(pk__in=ids))}


def search_questions(text: str, filters: Filters | None = None, page: int = 1) -> SearchResults:
    """One page of results for what someone typed, best first, each with its question."""
    filters = filters or Filters()
    page = min(max(page, 1), MAX_PAGE)
    results = SearchResults(text=text, filters=filters, page=page)
    query = parse_query(text)
    if not query:
        return results
    results.searched = True
    engine = engine_for()
    window = {"limit": RESULTS_PER_PAGE + 1, "offset": (page - 1) * RESULTS_PER_PAGE}
    hits = engine.search(query, filters, **window)
    if not hits and len(query.groups) > 1:
        # Nothing has every word: show what has some of them, and say so.
        hits = engine.search(query.loosened(), filters, **window)
        results.loose = bool(hits)
    results.has_next = len(hits) > RESULTS_PER_PAGE and page < MAX_PAGE
    hits = hits[:RESULTS_PER_PAGE]
    questions = _questions_by_id([h.question_id for h in hits]) if hits else {}
    for hit in hits:
        hit.question = questions.get(hit.question_id)
    # A question hidden between the two queries simply drops out.
    results.hits = [hit for hit in hits if hit.question is not None]
    return results


def _listed(ids: list[int]) -> list[Question]:
    """Questions in this order, with their answer counts, for a short list of links."""
    found = {
        q.pk: q
        for q in Question.objects.filter(pk__in=ids, status=Question.Status.PUBLISHED)
        .only("id", "title", "slug")
        .annotate(answer_total=Count("answers", filter=LIVE_ANSWER, distinct=True))
    }
    return [found[pk] for pk in ids if pk in found]


def similar_questions(text: str, limit: int = SIMILAR_LIMIT) -> list[Question]:
    """Questions like the one being typed: its telling words, the last one perhaps half-typed."""
    words = significant_words(text)
    if not words:
        return []
    ids = engine_for().similar(words, limit, prefix=not text.endswith((" ", "?", ".", "!")))
    return _listed(ids)


@dataclass(frozen=True)
class RelatedQuestion:
    title: str
    url: str
    answer_total: int


def related_questions(question: Question, limit: int = RELATED_LIMIT) -> list[RelatedQuestion]:
    """Up to `limit` questions like this one, by shared words and shared topics: three queries,
    then cached for a while (a question's neighbours change slowly, but one hidden or deleted
    leaves at once: the key holds the visibility token)."""
    key = f"search:related:{question.pk}:{question.updated_at.timestamp()}:{visibility_token()}"
    related = cache.get(key)
    if related is None:
        related = _related(question, limit)
        cache.set(key, related, RELATED_CACHE_SECONDS)
    return related


def _related(question: Question, limit: int) -> list[RelatedQuestion]:
    # The title says what a question is about; bodies add mostly noise (and cost).
    words = significant_words(question.title, limit=10)
    candidates = engine_for().similar(words, RELATED_CANDIDATES, exclude=(question.pk,))
    topic_ids = [t.pk for t in question.topics.all()]
    # Fetched on their own: as a subquery ORed with the candidates, PostgreSQL read every
    # question to decide (0.6 s at a million posts); as ids, both are index look-ups.
    same_topics = list(
        Question.objects.filter(topics__in=topic_ids, status=Question.Status.PUBLISHED)
        .exclude(pk=question.pk)
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)[:limit]
    )
    rows = (
        Question.objects.filter(status=Question.Status.PUBLISHED)
        .filter(pk__in={*candidates, *same_topics})
        .annotate(
            shared=Count("topics", filter=Q(topics__in=topic_ids), distinct=True),
            answer_total=Count("answers", filter=LIVE_ANSWER, distinct=True),
        )
        .only("id", "title", "slug")
    )
    position = {pk: n for n, pk in enumerate(candidates)}

    # Text similarity by rank position, lifted by each topic in common; a question that only
    # shares topics still beats a weak text match.
    def score(row) -> float:
        text = 1 / (1 + position[row.pk]) if row.pk in position else 0.0
        return text + 0.25 * row.shared

    ranked = sorted(rows, key=lambda row: (score(row), row.pk), reverse=True)[:limit]
    return [RelatedQuestion(r.title, r.get_absolute_url(), r.answer_total) for r in ranked]
