"""Real questions people would type find the question they mean, first, on both engines.

The cases run on the demo community and on the Coffee Stack Exchange sample in
../shared/data (loaded by a small test loader: no importer exists yet).
"""

import pytest

from village.questions.models import Question
from village.search.results import search_questions

pytestmark = pytest.mark.django_db

DEMO_CASES = [
    ("night terrors", "Night terrors at four: do we wake him or leave him?"),
    ("tutor 11-plus", "Is it worth paying for a tutor before the 11-plus?"),
    (
        "dyslexia",
        "Our daughter has just been diagnosed with dyslexia. What helped your child most?",
    ),
    ("bilingual home language", "How do you keep a bilingual child speaking the home language?"),
    ("parental controls console", "Which parental controls actually work on a games console?"),
    (
        "phone at bedtime",
        "How do we get our 14-year-old to hand over her phone at bedtime without a fight?",
    ),
    ("stammering", "Our three-year-old has started stammering out of nowhere. Is this a phase?"),
    (
        "self-harm",
        "I think my son might be self-harming. How do I bring it up without making things worse?",
    ),
    ("youtuber", "My teenager wants to be a YouTuber. How seriously should we take it?"),
    ("hitting his sister", "How do I stop my five-year-old hitting his little sister?"),
    ("class whatsapp group teacher", "Should a class WhatsApp group include the teacher?"),
    ("smartwatch", "Should my nine-year-olds have smartwatches with messaging?"),
    ("open evening questions", "What questions should we ask at a secondary school open evening?"),
    # No question has "abroad": the closest matches are shown, the right one first.
    (
        "vaccinations after moving abroad",
        "Vaccination catch-up after moving countries: where do we start?",
    ),
]

# (query, Stack Exchange post id of the expected question)
COFFEE_CASES = [
    ("store coffee in the freezer", 99),
    ("grounds at the bottom of my french press", 70),
    ("descale espresso machine", 242),
    ("kopi luwak", 139),
    ("soya milk curdling", 425),
    ("hexagon funnel aeropress", 39),
    ("moka pot induction", 78),
    ("reheat coffee in the microwave", 299),
    ("compost used grounds", 315),
    ("decaf addictive", 1603),
    ("coffee dehydration", 149),
    ("bulletproof coffee butter", 498),
    ("grow coffee plant at home", 56),
    ("caffeine in espresso shot", 94),
    ("cold brew coarse grind", 1557),
    ("thin spout kettle", 4),
]


def rank_of(query: str, question: Question) -> int | None:
    ids = [hit.question_id for hit in search_questions(query).hits]
    return ids.index(question.pk) + 1 if question.pk in ids else None


def test_each_demo_question_comes_first_for_its_query(demo):
    ranks = {q: rank_of(q, Question.objects.get(title=title)) for q, title in DEMO_CASES}
    assert ranks == dict.fromkeys(ranks, 1)


def test_each_coffee_question_comes_first_for_its_query(coffee):
    ranks = {q: rank_of(q, coffee[post_id]) for q, post_id in COFFEE_CASES}
    assert ranks == dict.fromkeys(ranks, 1)


def test_coffee_sample_is_indexed_whole(coffee):
    assert Question.objects.count() == 225
    assert len(search_questions("coffee").hits) == 20
