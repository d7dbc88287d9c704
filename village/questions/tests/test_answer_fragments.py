"""Rendered answers, and the question above them, are shared between members through the
cache, and never go stale."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client, RequestFactory

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory, signed_in
from village.accounts.services import update_profile
from village.common import fragments
from village.questions import services
from village.questions.models import HelpfulVote, Question
from village.questions.queries import get_question_for_user
from village.questions.views.reading import detail_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def question():
    question = QuestionFactory(title="How do we stop bath-time tears?")
    AnswerFactory(question=question, body="A jug with a rain-cloud spout made it a game.")
    AnswerFactory(question=question, body="We let her pour the water over her own head.")
    return question


def page_of(client, question) -> str:
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def page_for(member, question):
    """The question page's parts as the view makes them for this member."""
    request = RequestFactory().get(question.get_absolute_url())
    request.user = member
    loaded = get_question_for_user(member, question.pk)  # as the page loads it
    return detail_context(request, loaded)["page"]


def keys_for(member, question) -> list[str]:
    return [item.fragment_key for item in page_for(member, question).answers]


def question_key_for(member, question) -> str:
    return page_for(member, question).question_key


def test_members_who_see_an_answer_alike_share_its_rendering(question):
    first, second = MemberFactory(), MemberFactory()
    page_of(signed_in(first), question)
    keys = keys_for(second, question)
    assert len(keys) == 2
    assert set(fragments.prefetch(keys)) == set(keys)
    # A visitor sees the answers differently (no vote buttons that post by htmx): other keys.
    request = RequestFactory().get(question.get_absolute_url())
    request.user = AnonymousUser()
    fresh = Question.objects.get(pk=question.pk)
    visitor_keys = [i.fragment_key for i in detail_context(request, fresh)["page"].answers]
    assert not set(visitor_keys) & set(keys)


def test_a_vote_shows_at_once_to_the_voter_and_the_new_count_to_everyone(question):
    voter, other = MemberFactory(), MemberFactory()
    answer = question.answers.order_by("pk").first()
    page_of(signed_in(voter), question)  # fragments cached before the vote
    page_of(signed_in(other), question)
    voter_client = signed_in(voter)
    voter_client.post(f"/questions/answers/{answer.pk}/helpful/")
    mine = page_of(voter_client, question)
    block = mine[mine.index(f'id="helpful-{answer.pk}"') :][:900]
    assert 'aria-pressed="true"' in block
    assert "1 person found this helpful, including you" in block
    theirs = page_of(signed_in(other), question)
    block = theirs[theirs.index(f'id="helpful-{answer.pk}"') :][:900]
    assert 'aria-pressed="false"' in block
    assert "1 person found this helpful" in block


def test_edits_replies_and_renamed_authors_show_at_once(question):
    reader = signed_in(MemberFactory())
    answer = question.answers.order_by("pk").first()
    page_of(reader, question)
    services.edit_answer(
        editor=answer.author, answer=answer, body="A jug shaped like a whale.", kind=answer.kind
    )
    services.post_reply(author=question.author, answer=answer, body="We bought one today!")
    update_profile(answer.author, display_name="Morgan Renamed")
    page = page_of(reader, question)
    assert "A jug shaped like a whale." in page
    assert "rain-cloud spout" not in page
    assert "We bought one today!" in page
    assert "Morgan Renamed" in page


def test_only_the_author_sees_edit_links_though_others_share_the_rendering(question):
    answer = question.answers.order_by("pk").first()
    page_of(signed_in(MemberFactory()), question)
    edit = f"/questions/answers/{answer.pk}/edit/"
    assert edit in page_of(signed_in(answer.author), question)
    assert edit not in page_of(signed_in(MemberFactory()), question)


def test_forms_in_a_shared_rendering_post_with_each_members_own_token(question):
    answer = question.answers.order_by("pk").first()
    page_of(signed_in(MemberFactory()), question)  # rendered and cached for someone else
    member = MemberFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    page = page_of(client, question)
    form = page[page.index(f'action="/questions/answers/{answer.pk}/helpful/"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    assert "placeholder" not in token
    response = client.post(
        f"/questions/answers/{answer.pk}/helpful/", {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert HelpfulVote.objects.filter(answer=answer, voter=member).exists()


def test_switched_off_by_setting(settings, question):
    settings.FRAGMENT_CACHE_SECONDS = 0
    member = MemberFactory()
    page_of(signed_in(member), question)
    keys = keys_for(member, question)
    assert not cache.get_many([fragments.PREFIX + k for k in keys])


def test_the_schema_org_data_in_the_head_follows_changes_too(question):
    reader = signed_in(MemberFactory())
    answer = question.answers.order_by("pk").first()
    assert '"upvoteCount": 0' in page_of(reader, question)
    services.add_helpful_vote(voter=MemberFactory(), answer=answer)
    services.edit_answer(
        editor=answer.author,
        answer=answer,
        body="A watering can with a duck on it.",
        kind="opinion",
    )
    page = page_of(Client(), question)
    head = page[page.index("application/ld+json") :]
    assert "A watering can with a duck on it." in head
    assert '"upvoteCount": 1' in head


def test_members_share_the_question_and_see_its_changes_at_once(question):
    reader = MemberFactory()
    page_of(signed_in(MemberFactory()), question)
    key = question_key_for(reader, question)
    assert fragments.prefetch([key]).keys() == {key}
    assert "Bath time" not in page_of(signed_in(reader), question)

    question.topics.add(TopicFactory(name="Bath time", slug="bath-time"))
    assert '<a class="chip" href="/topics/bath-time/">Bath time</a>' in page_of(
        signed_in(reader), question
    )
    update_profile(question.author, display_name="Riley Renamed")
    assert "Riley Renamed" in page_of(signed_in(reader), question)
    services.edit_question(
        editor=question.author,
        question=question,
        title="How do we stop bath-time tantrums?",
        body="She screams when the taps go on.",
    )
    page = page_of(signed_in(reader), question)
    assert "How do we stop bath-time tantrums?" in page
    assert "She screams when the taps go on." in page


def test_what_only_the_asker_or_a_moderator_sees_of_a_question_is_never_shared():
    asker = MemberFactory(display_name="Quiet Quentin")
    question = services.ask_question(
        author=asker, title="A private worry about school?", is_anonymous=True
    )
    moderator = page_of(signed_in(MemberFactory(role="moderator")), question)
    assert "Asked by Quiet Quentin" in moderator
    own = page_of(signed_in(asker), question)
    assert "You asked this anonymously" in own
    assert 'Edit<span class="visually-hidden"> your question' in own
    member = page_of(signed_in(MemberFactory()), question)
    assert "Quiet Quentin" not in member
    assert "anonymously" not in member
    assert "your question</span>" not in member
