"""Staying in the loop, in a real browser: the bell, the notifications page, email settings,
the emails themselves, and a visitor asking for the weekly tips."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORTS, screenshot, serious_accessibility_violations
from tests.factories import AnswerFactory, ExpertFactory, MemberFactory, QuestionFactory
from tests.mail import run_worker
from village.common.models import OutboundEmail
from village.notifications.models import DigestSubscription
from village.notifications.services import email_preferences
from village.questions import services
from village.questions.digest import send_digests

PASSWORD = "a-long-passphrase-123"


@pytest.fixture
def village(transactional_db):
    ana = MemberFactory(display_name="Ana Asker", password=PASSWORD)
    question = QuestionFactory(author=ana, title="How do you handle bedtime screens?")
    answers = [
        AnswerFactory(question=question, author=MemberFactory(display_name="Ben Baker")),
        AnswerFactory(
            question=question,
            author=ExpertFactory(display_name="Dr Nia Rest", area="Sleep"),
            body="An hour of no screens before bed is a good rule of thumb for most families.",
        ),
        AnswerFactory(question=question, author=MemberFactory(display_name="Cal Carter")),
    ]
    own = AnswerFactory(author=ana, body="We use a kitchen timer and it works a treat.")
    services.post_reply(author=MemberFactory(display_name="Dee Doe"), answer=own, body="Love it!")
    run_worker()
    return {"ana": ana, "question": question, "answers": answers, "own": own}


def sign_in(page, base_url, user, next_url="/"):
    page.goto(f"{base_url}{reverse('account_login')}?next={next_url}")
    page.locator('main input[name="login"]').fill(user.email)
    page.locator('main input[name="password"]').fill(PASSWORD)
    page.locator("main form").get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_load_state()


def test_the_bell_the_notifications_page_and_email_settings(live_server, page, village):
    base = live_server.url
    page.set_viewport_size(VIEWPORTS["desktop"])
    sign_in(page, base, village["ana"])

    bell = page.locator(".site-nav__bell")
    expect(bell.locator(".count")).to_have_text("2")
    expect(bell).to_have_accessible_name(re.compile(r"Notifications\s*2 unread"))
    screenshot(page, "loop-1-bell-desktop")

    bell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(page.get_by_role("heading", level=2, name="Today")).to_be_visible()
    collapsed = page.get_by_role("link", name=re.compile("3 new answers on your question"))
    expect(collapsed).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("New reply to your answer"))).to_be_visible()
    screenshot(page, "loop-2-notifications-desktop")
    assert serious_accessibility_violations(page) == []

    # The link leads to the exact answer: the first of the three.
    collapsed.click()
    expect(page).to_have_url(re.compile(rf"#answer-{village['answers'][0].pk}$"))

    # Mark one read, then the rest.
    page.goto(f"{base}/notifications/")
    page.get_by_role("button", name=re.compile("Mark as read.*New reply")).click()
    expect(page.locator(".site-nav__bell .count")).to_have_text("1")
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.locator(".site-nav__bell .count")).to_have_count(0)

    # Email settings, reached from the notifications page.
    page.get_by_role("link", name="Email settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Email settings")
    replies = page.get_by_role("group", name="Replies to my answers and replies")
    expect(replies.get_by_role("radio", name="In a daily summary")).to_be_checked()
    replies.get_by_role("radio", name="Never").check()
    screenshot(page, "loop-3-email-settings-desktop")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Save email settings").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    assert email_preferences(village["ana"])["reply"] == "off"

    page.set_viewport_size(VIEWPORTS["phone"])
    screenshot(page, "loop-4-email-settings-phone")
    page.goto(f"{base}/notifications/")
    expect(page.locator(".site-nav__bell")).to_be_visible()
    screenshot(page, "loop-5-notifications-phone")


def test_the_notification_and_digest_emails_render_in_a_browser(live_server, page, village):
    page.set_viewport_size(VIEWPORTS["desktop"])
    notification = OutboundEmail.objects.filter(to=[village["ana"].email]).first()
    page.set_content(notification.html_body)
    expect(page.get_by_role("link", name="Read it on Village")).to_be_visible()
    expect(page.get_by_role("link", name="Unsubscribe from these")).to_be_visible()
    screenshot(page, "loop-6-email-notification")

    send_digests()
    digest = OutboundEmail.objects.get(
        subject__startswith="This week on Village", to=[village["ana"].email]
    )
    page.set_content(digest.html_body)
    expect(page.get_by_text("Expert answer", exact=True)).to_be_visible()
    page.set_viewport_size(VIEWPORTS["phone"])
    screenshot(page, "loop-7-email-digest-phone")


def test_a_visitor_asks_for_the_weekly_tips_from_the_header(live_server, page, village):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(live_server.url)
    page.get_by_text("Weekly tips", exact=True).click()
    page.get_by_label(re.compile("Send them to")).fill("curious.parent@example.org")
    screenshot(page, "loop-8-weekly-tips-phone")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your inbox")
    assert DigestSubscription.objects.get().confirmed_at is None
    assert serious_accessibility_violations(page) == []
