import pytest
from django.urls import reverse

from tests.factories import AnswerFactory, MemberFactory
from village.questions import services
from village.questions.models import Answer, HelpfulVote

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-passphrase-123"
HTMX = {"HX-Request": "true"}


def helpful_url(answer):
    return reverse("questions:helpful", args=[answer.pk])


def test_an_htmx_vote_returns_the_new_count_pressed_and_a_second_click_takes_it_back(
    client, parent
):
    answer = AnswerFactory()
    client.force_login(parent)
    first = client.post(helpful_url(answer), headers=HTMX).content.decode()
    assert first.lstrip().startswith(f'<div class="helpful" id="helpful-{answer.pk}"')
    assert 'aria-pressed="true"' in first
    assert '<span class="helpful__count" aria-hidden="true">1</span>' in first
    assert "You marked this answer helpful." in first
    second = client.post(helpful_url(answer), headers=HTMX).content.decode()
    assert 'aria-pressed="false"' in second
    assert '<span class="helpful__count" aria-hidden="true">0</span>' in second
    assert Answer.objects.get(pk=answer.pk).helpful_count == 0


def test_a_plain_vote_redirects_back_to_the_answer(client, parent):
    answer = AnswerFactory()
    client.force_login(parent)
    response = client.post(helpful_url(answer))
    assert response["Location"] == f"{answer.question.get_absolute_url()}#answer-{answer.pk}"
    assert HelpfulVote.objects.filter(answer=answer, voter=parent).exists()


def test_the_page_shows_which_answers_this_member_found_helpful(client, parent):
    liked, other = AnswerFactory(), None
    other = AnswerFactory(question=liked.question)
    services.mark_helpful(voter=parent, answer=liked)
    client.force_login(parent)
    html = client.get(liked.question.get_absolute_url()).content.decode()
    liked_at = html.index(f'id="helpful-{liked.pk}"')
    other_at = html.index(f'id="helpful-{other.pk}"')
    assert 'aria-pressed="true"' in html[liked_at : liked_at + 900]
    assert 'aria-pressed="false"' in html[other_at : other_at + 900]


def test_authors_see_their_count_but_no_button_on_their_own_answer(client):
    answer = AnswerFactory()
    client.force_login(answer.author)
    html = client.get(answer.question.get_absolute_url()).content.decode()
    at = html.index(f'id="helpful-{answer.pk}"')
    assert "helpful__button" not in html[at : at + 600]
    assert client.post(helpful_url(answer)).status_code == 403


def test_a_visitors_vote_is_applied_after_signing_in_and_they_land_on_the_answer(client):
    answer = AnswerFactory()
    member = MemberFactory(password=PASSWORD)
    response = client.post(helpful_url(answer))
    login_url = response["Location"]
    assert login_url == f"{reverse('account_login')}?next={helpful_url(answer)}"
    assert HelpfulVote.objects.count() == 0

    signed_in = client.post(
        reverse("account_login"),
        {"login": member.email, "password": PASSWORD, "next": helpful_url(answer)},
    )
    assert signed_in["Location"] == helpful_url(answer)
    landed = client.get(signed_in["Location"])
    assert landed["Location"] == f"{answer.question.get_absolute_url()}#answer-{answer.pk}"
    assert HelpfulVote.objects.filter(answer=answer, voter=member).count() == 1
    assert Answer.objects.get(pk=answer.pk).helpful_count == 1
    # Coming back to the address later does not take the vote back.
    again = client.get(helpful_url(answer))
    assert again.status_code == 200
    assert b"Mark this answer helpful?" in again.content
    assert HelpfulVote.objects.count() == 1


def test_a_visitor_voting_on_an_answer_they_wrote_is_told_kindly_after_signing_in(client):
    member = MemberFactory(password=PASSWORD)
    answer = AnswerFactory(author=member)
    client.post(helpful_url(answer))
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    response = client.get(helpful_url(answer), follow=True)
    assert b"That&#x27;s your own answer" in response.content
    assert HelpfulVote.objects.count() == 0


def test_a_link_to_the_vote_address_asks_before_voting(client, parent):
    answer = AnswerFactory()
    client.force_login(parent)
    page = client.get(helpful_url(answer))
    assert b"Mark this answer helpful?" in page.content
    assert HelpfulVote.objects.count() == 0
    client.post(helpful_url(answer), {"ensure": "1"})
    client.post(helpful_url(answer), {"ensure": "1"})
    assert HelpfulVote.objects.count() == 1
