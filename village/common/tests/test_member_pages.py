"""A member's pages are kept for them alone, and forgotten the moment they change anything."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AnswerFactory, MemberFactory, signed_in
from tests.mail import run_worker
from village.common.pagecache import PLACEHOLDER, forget_pages_of, local_pages
from village.questions.models import HelpfulVote

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-passphrase-123"


def test_a_members_second_view_costs_no_query(page_cache, question):
    client = signed_in(MemberFactory(display_name="Priya Member"))
    url = question.get_absolute_url()
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    # The session comes from the cache, and who they are isn't loaded for a kept page.
    assert len(queries) == 0, [q["sql"] for q in queries]
    body = second.content.decode()
    assert "Blackout blinds changed everything" in body
    assert "Priya Member" in body
    assert PLACEHOLDER not in body


def test_two_members_never_share_a_page(page_cache, question):
    url = question.get_absolute_url()
    first = signed_in(MemberFactory(display_name="Priya Member"))
    second = signed_in(MemberFactory(display_name="Tomasz Member"))
    first.get(url)
    second.get(url)
    body = second.get(url).content.decode()
    assert "Tomasz Member" in body
    assert "Priya Member" not in body
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_member_sees_their_own_vote_and_the_new_count_at_once(page_cache, question):
    answer = question.answers.get()
    voter = MemberFactory()
    client = signed_in(voter)
    url = question.get_absolute_url()
    before = client.get(url).content.decode()
    assert 'aria-pressed="false"' in before
    client.post(f"/questions/answers/{answer.pk}/helpful/")
    assert HelpfulVote.objects.filter(answer=answer, voter=voter).exists()
    after = client.get(url).content.decode()
    at = after.index(f'id="helpful-{answer.pk}"')
    assert 'aria-pressed="true"' in after[at : at + 900]
    assert '<span class="helpful__count" aria-hidden="true">1</span>' in after[at : at + 900]


def test_a_member_sees_their_own_answer_at_once(page_cache, question):
    client = signed_in(MemberFactory())
    url = question.get_absolute_url()
    client.get(url)
    response = client.post(
        f"{url}answer/",
        {"body": "A later bedtime, oddly, gave us a later morning.", "kind": "experience"},
    )
    assert response.status_code == 302
    assert "A later bedtime, oddly" in client.get(url).content.decode()


def test_a_new_answer_reply_or_vote_by_someone_else_shows_at_once(page_cache, question):
    answer = question.answers.get()
    client = signed_in(MemberFactory())
    url = question.get_absolute_url()
    assert "Night lights" not in client.get(url).content.decode()
    other = signed_in(MemberFactory())
    other.post(
        f"{url}answer/",
        {"body": "Night lights with a timer helped our son.", "kind": "experience"},
    )
    assert "Night lights with a timer" in client.get(url).content.decode()
    other.post(f"/questions/answers/{answer.pk}/reply/", {"body": "Which blinds did you get?"})
    assert "Which blinds did you get?" in client.get(url).content.decode()
    other.post(f"/questions/answers/{answer.pk}/helpful/")
    page = client.get(url).content.decode()
    at = page.index(f'id="helpful-{answer.pk}"')
    assert '<span class="helpful__count" aria-hidden="true">1</span>' in page[at : at + 900]


def test_other_changes_reach_a_member_once_the_page_expires(page_cache, question):
    page_cache.PAGE_CACHE_SECONDS = 1
    client = signed_in(MemberFactory())
    author = question.answers.get().author.profile
    url = question.get_absolute_url()
    client.get(url)
    author.display_name = "Renamed Parent"
    author.save()
    # An author's new name is not a change to the question: within the few seconds a member
    # may still see the page as it was...
    assert "Renamed Parent" not in client.get(url).content.decode()
    time.sleep(1.2)
    # ...and never longer.
    assert "Renamed Parent" in client.get(url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_notification_refreshes_the_bell_at_once(page_cache, question, smtp_server):
    asker = question.author
    client = signed_in(asker)
    url = question.get_absolute_url()
    assert 'aria-label="1 unread"' not in client.get(url).content.decode()
    signed_in(MemberFactory()).post(
        f"{url}answer/", {"body": "We tried a later nap and it worked.", "kind": "opinion"}
    )
    run_worker()  # the worker leaves the asker a notification
    page = client.get(url).content.decode()
    assert "We tried a later nap" in page
    assert 'aria-label="1 unread"' in page


def test_a_message_is_shown_once_and_never_kept(page_cache, question):
    author = MemberFactory()
    answer = AnswerFactory(question=question, author=author, body="Our first try: earlier naps.")
    client = signed_in(author)
    url = question.get_absolute_url()
    client.get(url)
    response = client.post(
        f"/questions/answers/{answer.pk}/edit/",
        {"body": "Our second try: a later bedtime.", "kind": answer.kind},
        follow=True,
    )
    body = response.content.decode()
    assert "Your answer is updated." in body
    assert "Our second try: a later bedtime." in body
    # The page with the message wasn't kept: the next view has no message, and is kept.
    again = client.get(url).content.decode()
    assert "Your answer is updated." not in again
    assert "Our second try" in again
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) == 0


def test_moderators_are_always_served_fresh(page_cache, question):
    client = signed_in(MemberFactory(role="moderator"))
    url = question.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) > 1


def test_signing_in_again_forgets_what_was_kept(page_cache, question):
    member = MemberFactory(display_name="Priya Member", password=PASSWORD)
    client = signed_in(member)
    url = question.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) == 0
    # Any way of signing in (the form, or a confirmation link, which is a GET) moves them on.
    client.force_login(member)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) > 1


def test_a_new_password_ends_other_sessions_kept_pages_too(page_cache, question):
    member = MemberFactory(display_name="Priya Member", password=PASSWORD)
    elsewhere = signed_in(member)  # say, a phone left on a bus
    url = question.get_absolute_url()
    assert "Priya Member" in elsewhere.get(url).content.decode()
    # A reset by email is made signed out, so nothing but the change itself can tell.
    member.set_password("another-long-passphrase-456")
    member.save()
    page = elsewhere.get(url).content.decode()
    assert "Priya Member" not in page
    assert "Sign in" in page


def test_a_ban_or_a_new_role_shows_on_the_next_page(page_cache, question):
    member = MemberFactory()
    client = signed_in(member)
    url = question.get_absolute_url()
    client.get(url)
    member.profile.role = "moderator"
    member.profile.save()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) > 1  # rendered afresh, with the moderation tools
    member.profile.role = "member"
    member.profile.save()
    client.get(url)
    member.is_active = False
    member.save()
    assert "Sign in" in client.get(url).content.decode()


def test_a_new_secret_key_is_a_new_start(page_cache, question, settings):
    member = MemberFactory()
    client = signed_in(member)
    url = question.get_absolute_url()
    client.get(url)
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    # Everybody's session hash no longer verifies: the member is signed out, not served the
    # page kept for them.
    assert "Sign in" in client.get(url).content.decode()


def test_the_shared_copy_is_checked_even_when_this_process_has_one(page_cache, question):
    member = MemberFactory()
    client = signed_in(member)
    url = question.get_absolute_url()
    client.get(url)
    assert len(local_pages.pages) == 1
    # Another process (a vote handled by another worker) moves the member on.
    forget_pages_of(member.pk)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) > 1


def test_members_pages_are_off_with_the_setting(settings, question):
    settings.PAGE_CACHE_SECONDS = 0
    client = signed_in(MemberFactory())
    url = question.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) > 1
