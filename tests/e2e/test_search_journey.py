"""A parent searches from the header, filters, opens a result, follows its topic and finds
it again in "For you"."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORTS, screenshot, serious_accessibility_violations
from tests.factories import MemberFactory

PASSWORD = "a-long-test-password-for-search"
TITLE = "Night terrors at four: do we wake him or leave him?"


@pytest.fixture
def member(transactional_db):
    call_command("load_demo")
    return MemberFactory(
        email="searcher@example.org", display_name="Sam Searcher", password=PASSWORD
    )


def sign_in(page, base_url):
    page.goto(f"{base_url}/accounts/login/")
    page.locator("#id_login").fill("searcher@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page.get_by_text("Sam Searcher").first).to_be_visible()


def test_search_filter_open_follow_and_find_it_in_for_you(
    live_server, page, member, outside_requests
):
    page.set_viewport_size(VIEWPORTS["desktop"])
    sign_in(page, live_server.url)

    # Search from the header.
    box = page.get_by_role("searchbox", name="Search questions and answers").first
    box.fill("night terrors")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=night\+terrors"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Questions about “night terrors”")
    first = page.locator(".search-result").first
    expect(first.locator("mark").first).to_have_text(re.compile("night", re.I))

    # Narrow it down: the Sleep topic, with an expert answer.
    page.get_by_text("Narrow it down").click()
    page.get_by_label("Topic", exact=True).select_option(label="Sleep")
    page.get_by_label("Has an expert answer").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"topic=sleep"))
    expect(page.locator(".search-result")).to_have_count(1)
    expect(page.locator(".search-result__title")).to_have_text(TITLE)
    screenshot(page, "search-results-desktop")
    assert serious_accessibility_violations(page) == []
    page.set_viewport_size(VIEWPORTS["phone"])
    screenshot(page, "search-results-phone")
    assert serious_accessibility_violations(page) == []
    page.set_viewport_size(VIEWPORTS["desktop"])

    # Open the result; its sidebar offers related questions.
    page.locator(".search-result__title a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("heading", name="Related questions")).to_be_visible()
    expect(page.locator(".related__list li").first).to_be_visible()

    # Follow its topic from the topic page.
    page.locator(".question .chip", has_text="Sleep").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sleep")
    page.get_by_role("button", name="Follow Sleep").click()
    expect(page.get_by_role("button", name=re.compile("^Following"))).to_be_visible()
    expect(page.get_by_text("Its new questions appear in")).to_be_visible()

    # "For you" now has it.
    page.get_by_role("link", name="Village home").click()
    page.get_by_role("link", name="For you").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("For you")
    expect(page.locator(".question-row__title", has_text=TITLE)).to_be_visible()
    screenshot(page, "for-you-desktop")
    assert serious_accessibility_violations(page) == []
    assert outside_requests == []


def test_searching_for_nothing_known_invites_a_question(live_server, page, member):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(f"{live_server.url}/search/?q=trampoline")
    expect(page.get_by_role("heading", name="Nothing matches that yet")).to_be_visible()
    screenshot(page, "search-empty-phone")
    expect(page.get_by_role("link", name="Ask the community")).to_be_visible()
    assert serious_accessibility_violations(page) == []
