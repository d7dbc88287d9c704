"""Fixtures shared by the page-cache tests."""

import pytest

from tests.factories import AnswerFactory, QuestionFactory


@pytest.fixture
def question():
    """A question with one answer, as the cached pages show it."""
    question = QuestionFactory(title="How do we settle a toddler who wakes at five?")
    AnswerFactory(question=question, body="Blackout blinds changed everything for us.")
    return question
