"""A member finds their data page, asks for a copy and schedules (then cancels) deletion."""

from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORTS, screenshot, serious_accessibility_violations
from tests.factories import MemberFactory

PASSWORD = "copper-lantern-valley-27"


def test_member_downloads_and_almost_deletes(live_server, page, outside_requests, transactional_db):
    MemberFactory(email="rowan@example.org", display_name="Rowan Birch", password=PASSWORD)
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(live_server.url + "/accounts/login/?next=/people/me/edit/")
    page.get_by_label("Email").fill("rowan@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("link", name="Your data: download a copy or delete your account").click()
    expect(page.get_by_role("heading", name="Your data")).to_be_visible()
    page.get_by_role("button", name="Prepare my data").click()
    expect(page.get_by_text("We're preparing your data.")).to_be_visible()
    page.get_by_label("Keep them", exact=False).check()
    page.get_by_label("Your password, to confirm").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("Until then you can change your mind here.")).to_be_visible()
    screenshot(page, "privacy-phone")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Keep my account").click()
    expect(page.get_by_text("Your account will not be deleted.")).to_be_visible()
    assert outside_requests == []
