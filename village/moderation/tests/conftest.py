import pytest

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory
from village.questions import services as questions


@pytest.fixture
def moderator(db):
    # With an authenticator app (TOTP): moderators can't act without one.
    return MemberFactory(display_name="Mo Moderator", role="moderator", two_factor=True)


@pytest.fixture
def author(db):
    return MemberFactory(display_name="Alex Author")


@pytest.fixture
def question(author):
    return QuestionFactory(author=author, title="How do I talk to my son about online games?")


@pytest.fixture
def answer(question):
    writer = MemberFactory(display_name="Wren Writer")
    return AnswerFactory(question=question, author=writer, body="Share your own number, please.")


@pytest.fixture
def reply(answer, author):
    return questions.post_reply(author=author, answer=answer, body="Thanks, that helps a lot.")


@pytest.fixture
def members(db):
    return [MemberFactory(display_name=f"Flagger {n}") for n in range(1, 5)]
