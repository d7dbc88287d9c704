"""Moderation in a real browser: a safeguarding flag reaches the lead by email, a moderator
hides the answer and suspends its author, the audit log shows both, and the author can read
but not post until the suspension ends by itself."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORTS, screenshot, serious_accessibility_violations
from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory
from tests.mail import run_worker, text_of
from tests.two_factor import enter_code
from village.accounts.models import Profile
from village.moderation.models import ModerationAction
from village.questions.models import Answer, Question

PASSWORD = "a-long-passphrase-123"
LEAD = "safeguarding-lead@village.example"
ANSWER_TEXT = "DM me your daughter's school and I'll pick her up after class."


@pytest.fixture
def village(transactional_db, settings):
    settings.SAFEGUARDING_LEADS = [LEAD]
    topic = TopicFactory(name="Safety online", slug="safety-online")
    question = QuestionFactory(title="How do I get my ten-year-old home from school safely?")
    question.topics.add(topic)
    sam = MemberFactory(display_name="Sam Stranger", password=PASSWORD)
    return {
        "topic": topic,
        "question": question,
        "answer": AnswerFactory(question=question, author=sam, body=ANSWER_TEXT),
        "sam": sam,
        "fay": MemberFactory(display_name="Fay Flagger", password=PASSWORD),
        "mo": MemberFactory(
            display_name="Mo Moderator", role="moderator", password=PASSWORD, two_factor=True
        ),
    }


def sign_in(page, base_url, user, next_url="/"):
    page.context.clear_cookies()
    page.goto(f"{base_url}{reverse('account_login')}?next={next_url}")
    page.locator('main input[name="login"]').fill(user.email)
    page.locator('main input[name="password"]').fill(PASSWORD)
    page.locator("main form").get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_load_state()
    if getattr(user, "totp_secret", None):
        # Moderators have two-factor authentication: the password is not enough on its own.
        assert "/accounts/2fa/authenticate/" in page.url
        enter_code(page, user.totp_secret)


def test_a_safeguarding_flag_reaches_the_lead_and_a_moderator_hides_and_suspends(
    live_server, page, village, smtp_server, outside_requests
):
    base = live_server.url
    question, answer, sam = village["question"], village["answer"], village["sam"]
    question_url = question.get_absolute_url()

    # Fay, on her phone, reports the answer as a safeguarding concern.
    page.set_viewport_size(VIEWPORTS["phone"])
    sign_in(page, base, village["fay"], question_url)
    card = page.locator(f"#answer-{answer.pk}")
    card.locator("summary", has_text="Report this answer").click()
    card.get_by_label(re.compile("Safeguarding concern")).check()
    card.get_by_label("Anything a moderator should know? (optional)").fill(
        "A stranger asking which school a child goes to."
    )
    screenshot(page, "moderation-1-flag-phone")
    assert serious_accessibility_violations(page) == []
    card.get_by_role("button", name="Send to the moderators").click()
    expect(page.get_by_text("Our safeguarding lead has been alerted")).to_be_visible()

    # The lead hears at once, by email.
    run_worker()
    [email] = smtp_server.messages_to(LEAD)
    assert email["Subject"].startswith("Urgent safeguarding concern on Village")
    assert "A stranger asking which school a child goes to." in text_of(email)
    assert f"{settings.SITE_URL}/moderation/" in text_of(email)

    # Mo, at a desk, finds it at the top of the queue, marked urgent, and hides it.
    page.set_viewport_size(VIEWPORTS["desktop"])
    sign_in(page, base, village["mo"], reverse("moderation:queue"))
    item = page.locator("article.mod-item").first
    expect(item.get_by_text("Urgent: safeguarding concern")).to_be_visible()
    expect(item.get_by_text(ANSWER_TEXT)).to_be_visible()
    screenshot(page, "moderation-2-queue-desktop")
    assert serious_accessibility_violations(page) == []
    page.set_viewport_size(VIEWPORTS["phone"])
    screenshot(page, "moderation-2-queue-phone")
    page.set_viewport_size(VIEWPORTS["desktop"])
    item.get_by_role("button", name="Hide").click()  # no reason yet: the browser asks for one
    assert Answer.objects.get(pk=answer.pk).hidden_at is None
    item.get_by_label("Reason (required)").fill("Asks for a child's school: grooming risk.")
    item.get_by_role("button", name="Hide").click()
    expect(page.get_by_text("Hidden. It's in the audit log.")).to_be_visible()
    expect(page.get_by_text("Nothing waiting.")).to_be_visible()

    # ...and suspends Sam from his profile.
    page.goto(f"{base}{reverse('people:profile', args=[sam.pk])}")
    page.get_by_text("Moderate this member").click()
    page.get_by_label("Reason (required; the member reads it)").fill(
        "Asking parents for a child's school."
    )
    page.get_by_label("Suspend for").select_option("1")
    page.get_by_role("button", name="Suspend", exact=True).click()
    expect(page.get_by_text("Member suspended. It's in the audit log.")).to_be_visible()
    page.get_by_text("Moderate this member (suspended)").click()
    screenshot(page, "moderation-3-member-tools-desktop")
    assert serious_accessibility_violations(page) == []

    # The audit log shows both, with who, what and why.
    page.goto(f"{base}{reverse('moderation:log')}")
    rows = page.locator("table.mod-log tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Suspended until")
    expect(rows.nth(0)).to_contain_text("Asking parents for a child's school.")
    expect(rows.nth(1)).to_contain_text("Hidden")
    expect(rows.nth(1)).to_contain_text("Mo Moderator")
    expect(rows.nth(1)).to_contain_text("grooming risk")
    screenshot(page, "moderation-4-log-desktop")
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Action").select_option("hide")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(1)
    assert [a.action for a in ModerationAction.objects.all()] == ["suspend", "hide"]

    # Everyone else no longer sees the answer.
    page.context.clear_cookies()
    page.goto(f"{base}{question_url}")
    expect(page.get_by_text(ANSWER_TEXT)).to_have_count(0)

    # Sam, on his phone, still sees his answer, under a notice, and can read but not post.
    page.set_viewport_size(VIEWPORTS["phone"])
    sign_in(page, base, sam, question_url)
    expect(page.get_by_text(ANSWER_TEXT)).to_be_visible()
    expect(page.get_by_text("Hidden by a moderator. Only you and the moderators")).to_be_visible()
    screenshot(page, "moderation-5-hidden-to-its-author-phone")
    assert serious_accessibility_violations(page) == []
    page.goto(f"{base}{reverse('questions:ask')}")
    expect(
        page.get_by_text("Your account is suspended, so you can read but not post.")
    ).to_be_visible()
    screenshot(page, "moderation-6-suspended-phone")

    # A day later the suspension has ended by itself: Sam can ask again.
    Profile.objects.filter(user=sam).update(suspended_until=timezone.now() - timedelta(seconds=1))
    page.goto(f"{base}{reverse('questions:ask')}")
    page.get_by_label("Your question").fill("How do other parents handle school pick-ups?")
    page.get_by_label("Safety online").check()
    page.get_by_role("button", name="Post your question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How do other parents handle school pick-ups?"
    )
    assert Question.objects.filter(author=sam).count() == 1
    assert outside_requests == []
