"""Account security in a real browser: a new moderator is asked to turn on two-factor
authentication before moderating, sets it up with allauth's pages, and from then on signs in
with a code; a member signs out everywhere from their laptop and their phone is signed out."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORTS, screenshot, serious_accessibility_violations
from tests.factories import MemberFactory
from tests.two_factor import code, enter_code

PASSWORD = "willow-garden-teapot-64"


def sign_in(page, base_url, email, next_url="/"):
    page.goto(f"{base_url}{reverse('account_login')}?next={next_url}")
    page.locator('main input[name="login"]').fill(email)
    page.locator('main input[name="password"]').fill(PASSWORD)
    page.locator("main form").get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_load_state()


@pytest.fixture
def nell(transactional_db):
    return MemberFactory(
        display_name="Nell Newmod",
        email="nell@example.org",
        role="moderator",
        password=PASSWORD,
        two_factor=False,
    )


def test_a_new_moderator_turns_on_two_factor_then_signs_in_with_a_code(
    live_server, page, nell, outside_requests, browser_errors
):
    base = live_server.url

    # Nell has just been made a moderator. Her password still signs her in...
    page.set_viewport_size(VIEWPORTS["phone"])
    sign_in(page, base, nell.email)
    expect(page.get_by_text("your account needs extra protection")).to_be_visible()

    # ...but the moderation queue explains why it needs more, and where to turn it on.
    page.get_by_role("link", name="Moderation").click()
    expect(
        page.get_by_role("heading", name="Please turn on two-factor authentication first")
    ).to_be_visible()
    assert "/accounts/two-factor/required/" in page.url
    screenshot(page, "two-factor-1-why-phone")
    assert serious_accessibility_violations(page) == []
    page.set_viewport_size(VIEWPORTS["desktop"])
    screenshot(page, "two-factor-1-why-desktop")

    # allauth's own set-up page: scan the QR code (here: read the secret), type the code.
    page.get_by_role("link", name="Set up two-factor authentication").click()
    if page.locator('main input[name="password"]').count():  # "confirm it's you" first
        page.locator('main input[name="password"]').fill(PASSWORD)
        page.locator("main form button[type=submit]").first.click()
    secret = page.locator("#authenticator_secret").input_value()
    page.locator('main input[name="code"]').fill(code(secret))
    screenshot(page, "two-factor-2-setup-desktop")
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_text("Two-factor authentication is on.")).to_be_visible()
    screenshot(page, "two-factor-3-on-desktop")
    assert nell.authenticator_set.filter(type="totp").exists()

    # The way back leads to the queue, which now opens.
    page.get_by_role("link", name="carry on where you left off").click()
    expect(page).to_have_url(f"{base}/moderation/")
    expect(page.get_by_text("your account needs extra protection")).to_have_count(0)

    # Signing in again asks for a code from the app, and then she is in.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    page.context.clear_cookies()
    page.set_viewport_size(VIEWPORTS["phone"])
    sign_in(page, base, nell.email, "/moderation/")
    expect(page.get_by_role("heading", name="Two-Factor Authentication")).to_be_visible()
    screenshot(page, "two-factor-4-code-phone")
    assert serious_accessibility_violations(page) == []
    page.locator('main input[name="code"]').fill("000000" if code(secret) != "000000" else "111111")
    page.get_by_role("button", name="Sign In", exact=True).click()
    expect(page.get_by_text(re.compile("Incorrect code", re.I))).to_be_visible()
    enter_code(page, secret)
    expect(page).to_have_url(f"{base}/moderation/")
    expect(page.get_by_role("link", name="Nell Newmod")).to_be_visible()

    assert outside_requests == []
    assert browser_errors == []


def test_signing_out_everywhere_on_the_laptop_signs_the_phone_out_too(
    live_server, page, browser, transactional_db, outside_requests
):
    base = live_server.url
    MemberFactory(display_name="Rosa Parent", email="rosa@example.org", password=PASSWORD)
    phone = browser.new_context(viewport=VIEWPORTS["phone"]).new_page()
    sign_in(phone, base, "rosa@example.org")
    expect(phone.get_by_role("link", name="Rosa Parent")).to_be_visible()

    page.set_viewport_size(VIEWPORTS["desktop"])
    sign_in(page, base, "rosa@example.org", reverse("people:edit"))
    button = page.get_by_role("button", name="Sign out everywhere")
    button.scroll_into_view_if_needed()
    screenshot(page, "sign-out-everywhere-1-settings-desktop")
    assert serious_accessibility_violations(page) == []
    button.click()
    expect(page.get_by_text("signed out everywhere")).to_be_visible()
    expect(page.get_by_role("link", name="Rosa Parent")).to_have_count(0)
    screenshot(page, "sign-out-everywhere-2-done-desktop")

    # The phone, still open on the home page, is signed out the moment it is used.
    phone.reload()
    expect(phone.get_by_role("link", name="Sign in")).to_be_visible()
    expect(phone.get_by_role("link", name="Rosa Parent")).to_have_count(0)
    phone.goto(f"{base}{reverse('people:edit')}")
    expect(phone).to_have_url(re.compile(r"/accounts/login/"))
    screenshot(phone, "sign-out-everywhere-3-phone-signed-out")
    phone.context.close()
    assert outside_requests == []
