"""A visitor reads the featured question on a desktop and on a phone."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORTS, screenshot, serious_accessibility_violations
from village.questions.models import Question

EXACT_DATE = re.compile(r"^\d{1,2} \w+ \d{4}, \d{2}:\d{2}$")


@pytest.fixture
def featured(transactional_db):
    call_command("load_demo")
    return Question.objects.get(is_featured=True)


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_visitor_reads_the_featured_question(
    live_server, page, featured, outside_requests, browser_errors, screen
):
    page.set_viewport_size(VIEWPORTS[screen])
    page.goto(live_server.url + featured.get_absolute_url())

    # The site header: tagline and a call to join.
    expect(page.locator(".tagline")).to_be_visible()
    expect(page.locator(".site-header").get_by_role("link", name="Join Village")).to_be_visible()

    # The question with its author card, topics and source.
    expect(page.get_by_role("heading", level=1)).to_have_text(featured.title)
    card = page.locator(".question .author")
    expect(card.locator(".author__name")).to_have_text(featured.author.profile.display_name)
    expect(card.locator(".badge")).to_have_text("Staff writer")
    expect(card.locator(".avatar")).to_be_visible()
    expect(page.locator(".question .chip").first).to_be_visible()
    expect(page.locator(".question__source a")).to_be_visible()

    # The count line and the answers, each with its parts.
    expect(page.locator("#answered-line")).to_have_text("4 experts and 3 parents have answered")
    answers = page.locator("article.answer")
    expect(answers).to_have_count(7)
    expect(page.locator(".expert-flag").first).to_be_visible()
    expect(page.locator(".author__expertise").first).to_contain_text("expert")
    first = answers.first
    expect(first.locator(".answer__byline .badge")).to_have_text("Admin")
    expect(first.locator(".helpful__count")).to_have_text("7")
    expect(first.locator(".prose ol").first).to_be_visible()
    expect(first.locator(".answer__meta .kind")).to_have_text("Opinion")
    expect(first.locator(".answer__meta time")).to_have_text("4 years ago")
    expect(first.locator(".answer__meta time")).to_have_attribute("title", EXACT_DATE)
    expect(first.locator("summary", has_text="Share")).to_be_visible()

    # "Reply (n)" opens the thread.
    reply_toggle = first.locator("summary", has_text="Reply (")
    expect(reply_toggle).to_be_visible()
    expect(first.locator(".reply").first).to_be_hidden()
    reply_toggle.click()
    expect(first.locator(".reply").first).to_be_visible()

    # The feedback question at the foot.
    expect(
        page.get_by_role("heading", name="Did you find the answer you were looking for?")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Yes")).to_be_visible()
    expect(page.get_by_role("button", name="No")).to_be_visible()

    screenshot(page, f"question-{screen}")
    assert browser_errors == []  # no script error, no Content Security Policy violation
    assert serious_accessibility_violations(page) == []
    assert outside_requests == []


def test_answering_the_feedback_question_updates_in_place(live_server, page, featured):
    page.goto(live_server.url + featured.get_absolute_url())
    page.get_by_role("button", name="Yes").click()
    expect(page.locator(".feedback__thanks")).to_have_text("Thank you, we're glad it helped.")
    expect(page.get_by_role("button", name="Yes")).to_have_attribute("aria-pressed", "true")


def test_home_and_topic_pages(live_server, page, featured, outside_requests):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Newest questions")).to_be_visible()
    expect(page.locator(".question-row")).to_have_count(20)
    screenshot(page, "home-desktop")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("complementary").get_by_role("link", name="Sleep").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sleep")
    expect(page.locator(".question-row").first).to_be_visible()
    page.set_viewport_size(VIEWPORTS["phone"])
    screenshot(page, "topic-phone")
    assert serious_accessibility_violations(page) == []
    assert outside_requests == []
