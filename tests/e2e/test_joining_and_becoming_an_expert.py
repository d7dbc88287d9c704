"""A parent joins, confirms their email, fills in their profile, and becomes a verified expert."""

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, serious_accessibility_violations
from tests.factories import MemberFactory, QuestionFactory
from tests.mail import first_link, html_of, run_worker, text_of
from tests.two_factor import enter_code
from village.accounts.models import User
from village.experts.models import ExpertiseArea
from village.questions import services

PASSWORD = "orchard-kettle-sunrise-19"


@pytest.fixture
def avatar_file(tmp_path):
    path = tmp_path / "me.jpg"
    Image.new("RGB", (640, 480), (30, 110, 90)).save(path, format="JPEG")
    return path


@pytest.fixture
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def sign_in(page, base, email, password):
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()


def test_join_confirm_profile_and_become_an_expert(
    live_server,
    page,
    browser,
    smtp_server,
    avatar_file,
    outside_requests,
    _media_in_tmp,
    transactional_db,
):
    base = live_server.url
    ExpertiseArea.objects.get_or_create(name="Sleep")
    question = QuestionFactory(title="Why does our baby wake at 5am every day?")

    # Sign up from the question page, so the link brings the new member back to it.
    page.goto(base + question.get_absolute_url())
    page.locator(".site-header").get_by_role("link", name="Join Village").click()
    page.get_by_label("Your name").fill("Morgan Avery")
    page.get_by_label("Email").fill("morgan@example.org")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    screenshot(page, "join-signup")
    page.get_by_role("button", name="Sign Up").click()

    expect(page.get_by_role("heading", name="Nearly there!")).to_be_visible()
    expect(page.get_by_text("junk or spam folder")).to_be_visible()
    expect(page.get_by_role("button", name="Resend the email")).to_be_visible()
    screenshot(page, "join-nearly-there")
    assert serious_accessibility_violations(page) == []

    # The worker delivers the email to the real SMTP server.
    run_worker()
    [message] = smtp_server.messages_to("morgan@example.org")
    link = first_link(text_of(message))
    email_page = browser.new_page(viewport={"width": 640, "height": 800})
    email_page.set_content(html_of(message))
    screenshot(email_page, "join-email")
    email_page.close()

    # Following the link signs in and lands back on the question.
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(question.title)
    expect(page.get_by_role("link", name="Morgan Avery")).to_be_visible()

    # Fill in the profile, with a picture.
    page.get_by_role("link", name="Morgan Avery").click()
    page.get_by_role("link", name="Edit profile").click()
    page.get_by_label("Headline").fill("Night nurse and mum of twins")
    page.get_by_label("City").fill("Bristol")
    page.get_by_label("Country code").fill("gb")
    page.get_by_label("Bio").fill("I've seen a lot of 5am starts.")
    page.get_by_label("Profile picture").set_input_files(str(avatar_file))
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    expect(page.locator(".profile img.avatar")).to_be_visible()
    expect(page.get_by_text("Bristol, GB")).to_be_visible()
    screenshot(page, "join-profile")
    assert serious_accessibility_violations(page) == []

    # Answer as a parent first.
    member = User.objects.get(email="morgan@example.org")
    services.post_answer(
        author=member,
        question=question,
        kind="experience",
        body="Blackout blinds and a later last feed moved ours to 6:30.",
    )

    # Apply to be a Sleep expert.
    page.goto(base + "/experts/apply/")
    page.get_by_label("Area of expertise").select_option(label="Sleep")
    page.get_by_label("Professional headline").fill("Paediatric night nurse, 9 years")
    page.get_by_label("Credentials").fill("Registered children's nurse; sleep practitioner course.")
    page.get_by_label("Evidence link").fill("https://register.example.org/morgan-avery")
    page.get_by_label("Why you'd like to help").fill("Tired parents deserve calm, kind advice.")
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_text("Your application is with our moderators.")).to_be_visible()

    # A moderator approves it in their own browser.
    max_moderator = MemberFactory(
        email="mod@example.org",
        password=PASSWORD,
        role="moderator",
        display_name="Max Moderator",
        two_factor=True,
    )
    moderator = browser.new_context().new_page()
    moderator.on("request", lambda r: None)
    sign_in(moderator, base, "mod@example.org", PASSWORD)
    enter_code(moderator, max_moderator.totp_secret)  # moderators sign in with a code too
    moderator.goto(base + "/experts/review/")
    moderator.get_by_role("link", name="Morgan Avery: Sleep").click()
    moderator.get_by_label("Approve").check()
    moderator.get_by_label("Reason (the applicant will read this)").fill("Register entry checked.")
    moderator.get_by_role("button", name="Record decision").click()
    expect(moderator.get_by_text("No applications are waiting.")).to_be_visible()

    # The badge and the "expert answer" label now show on Morgan's answer.
    page.goto(base + question.get_absolute_url())
    answer = page.locator("article.answer").first
    expect(answer.locator(".expert-flag")).to_contain_text("Expert answer")
    expect(answer.locator(".badge")).to_have_text("Expert")
    expect(answer.locator(".author__expertise")).to_have_text("Sleep expert")
    expect(page.get_by_role("link", name="Notifications")).to_contain_text("1")
    screenshot(page, "join-expert-answer")

    run_worker()
    decision = smtp_server.messages_to("morgan@example.org")[-1]
    assert decision["Subject"] == "You are now a verified expert on Village"
    assert outside_requests == []
