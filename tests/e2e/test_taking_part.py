"""Taking part, in a real browser: asking, answering, replying, helpful votes and feedback.

Two members and a visitor, each in their own browser context (their own cookies), against a
live server. The main journey runs at phone width, as most parents would use it. Pages are
cached as served (visitors alike, each member alone): what a member does shows at once.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORTS, screenshot, serious_accessibility_violations
from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory
from village.questions import services
from village.questions.models import Answer, HelpfulVote, Question, Reply

PASSWORD = "a-long-passphrase-123"

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def village(transactional_db):
    sleep = TopicFactory(name="Sleep", slug="sleep", description="Bedtimes and night waking.")
    TopicFactory(name="Tech & screens", slug="tech-screens", description="Phones and tablets.")
    earlier = QuestionFactory(title="Is a tablet at bedtime ruining my toddler's sleep?")
    earlier.topics.add(sleep)
    return {
        "ana": MemberFactory(display_name="Ana Asker", password=PASSWORD),
        "ben": MemberFactory(display_name="Ben Answerer", password=PASSWORD),
        "earlier": earlier,
    }


def sign_in(page, base_url, user, next_url="/"):
    page.goto(f"{base_url}{reverse('account_login')}?next={next_url}")
    page.locator('main input[name="login"]').fill(user.email)
    page.locator('main input[name="password"]').fill(PASSWORD)
    page.locator("main form").get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_load_state()


def new_page(browser, screen="phone"):
    context = browser.new_context(viewport=VIEWPORTS[screen])
    return context.new_page()


def mark_page(page):
    """Leave a mark in the page's JavaScript world: it survives only if the page doesn't reload."""
    page.evaluate("window.__stillHere = true")


def still_same_page(page) -> bool:
    return page.evaluate("window.__stillHere === true")


def test_two_members_ask_answer_reply_and_vote_and_a_visitor_gives_feedback(
    live_server, browser, page, village, outside_requests
):
    base = live_server.url
    ana = page
    ana.set_viewport_size(VIEWPORTS["phone"])

    # Ana asks. Similar questions appear while she types the title.
    sign_in(ana, base, village["ana"], reverse("questions:ask"))
    expect(ana.get_by_role("heading", level=1)).to_have_text("Ask a question")
    ana.get_by_label("Your question").press_sequentially("Tablet before bedtime for a toddler?")
    similar = ana.locator("#similar")
    expect(similar.get_by_role("link", name=re.compile(village["earlier"].title))).to_be_visible()
    ana.get_by_label("Tell us more (optional)").fill(
        "Our two-year-old watches **one** episode before bed.\n\n- Is that too much?\n- Sound on?"
    )
    preview = ana.locator("#question-preview")
    expect(preview.locator("strong")).to_have_text("one")
    expect(preview.locator("li")).to_have_count(2)
    ana.get_by_label("Sleep").check()
    screenshot(ana, "taking-part-1-ask-phone")
    assert serious_accessibility_violations(ana) == []
    ana.get_by_role("button", name="Post your question").click()
    expect(ana.get_by_role("heading", level=1)).to_have_text("Tablet before bedtime for a toddler?")
    question = Question.objects.get(title="Tablet before bedtime for a toddler?")
    assert list(question.topics.values_list("name", flat=True)) == ["Sleep"]
    question_url = base + question.get_absolute_url()

    # Ben answers, as Experience.
    ben = new_page(browser)
    sign_in(ben, base, village["ben"], question.get_absolute_url())
    form = ben.locator("#answer-form")
    expect(form.get_by_text("What happened in your family")).to_be_visible()
    form.get_by_role("radio", name=re.compile("^Experience")).check()
    form.get_by_label("Your answer").fill("We moved the episode to after dinner. Sleep got better.")
    expect(form.locator("#answer-preview")).to_contain_text("We moved the episode")
    form.get_by_role("button", name="Post your answer").click()
    answer = Answer.objects.get(question=question)
    expect(ben).to_have_url(re.compile(rf"#answer-{answer.pk}$"))
    card = ben.locator(f"#answer-{answer.pk}")
    expect(card.locator(".kind")).to_have_text("Experience")
    expect(ben.locator("#answered-line")).to_have_text("1 parent has answered")
    expect(ben.locator("#answer-form")).to_contain_text("You've answered this question.")
    screenshot(ben, "taking-part-2-answered-phone")

    # Ana replies in place: the thread updates without a page load.
    ana.goto(question_url)
    mark_page(ana)
    thread = ana.locator(f"#thread-{answer.pk}")
    thread.locator("summary").first.click()
    thread.get_by_label("Your reply to this answer").fill("Thank you, we'll try that tonight.")
    thread.get_by_role("button", name="Post reply").click()
    thread = ana.locator(f"#thread-{answer.pk}")
    expect(thread.locator(".reply__body")).to_have_text("Thank you, we'll try that tonight.")
    expect(thread.locator("summary").first).to_have_text("Reply (1)")
    assert still_same_page(ana)
    first_reply = Reply.objects.get(answer=answer)

    # Ben replies to Ana's reply: nested beneath it, again in place.
    ben.goto(question_url)
    mark_page(ben)
    thread = ben.locator(f"#thread-{answer.pk}")
    thread.locator("summary").first.click()
    own = ben.locator(f"#reply-{first_reply.pk}")
    own.locator(".reply__respond > summary").click()
    own.get_by_label("Your reply to Ana Asker").fill("Good luck! Tell us how it goes.")
    own.get_by_role("button", name="Post reply").click()
    nested = ben.locator(f"#reply-{first_reply.pk} .reply-list .reply__body")
    expect(nested).to_have_text("Good luck! Tell us how it goes.")
    assert still_same_page(ben)
    assert Reply.objects.get(parent=first_reply).depth == 1
    screenshot(ben, "taking-part-3-thread-phone")

    # Ana marks the answer helpful: the count changes in place.
    ana.goto(question_url)
    mark_page(ana)
    button = ana.locator(f"#helpful-{answer.pk} button")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    button = ana.locator(f"#helpful-{answer.pk} button")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button.locator(".helpful__count")).to_have_text("1")
    assert still_same_page(ana)
    assert HelpfulVote.objects.filter(answer=answer, voter=village["ana"]).exists()
    ana.locator(f"#thread-{answer.pk} summary").first.click()
    screenshot(ana, "taking-part-4-helpful-phone")
    assert serious_accessibility_violations(ana) == []

    # A visitor says "no" and is offered a follow-up question, prefilled from this one.
    visitor = new_page(browser)
    visitor.goto(question_url)
    visitor.get_by_role("button", name="No").click()
    follow_up = visitor.get_by_role("link", name="Ask a follow-up question")
    expect(follow_up).to_be_visible()
    expect(visitor.get_by_role("button", name="No")).to_have_attribute("aria-pressed", "true")
    screenshot(visitor, "taking-part-5-feedback-phone")
    follow_up.click()
    # Visitors sign in first; Ana (already signed in) sees the prefilled form.
    expect(visitor).to_have_url(re.compile(r"/accounts/login/\?next=.*follow_up"))
    ana.goto(base + reverse("questions:ask") + f"?follow_up={question.pk}")
    expect(ana.get_by_label("Your question")).to_have_value(
        "Follow-up: Tablet before bedtime for a toddler?"
    )
    expect(ana.get_by_label("Sleep")).to_be_checked()
    ana.set_viewport_size(VIEWPORTS["desktop"])
    screenshot(ana, "taking-part-6-follow-up-desktop")
    ana.goto(question_url + f"?thread={answer.pk}")
    screenshot(ana, "taking-part-7-question-desktop")
    assert serious_accessibility_violations(ana) == []
    assert outside_requests == []


def test_a_visitor_who_clicks_helpful_signs_in_and_lands_back_on_the_answer_with_the_vote(
    live_server, page, village
):
    answer = AnswerFactory(question=village["earlier"], author=village["ben"])
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(live_server.url + village["earlier"].get_absolute_url())
    page.locator(f"#helpful-{answer.pk} button").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.locator('main input[name="login"]').fill(village["ana"].email)
    page.locator('main input[name="password"]').fill(PASSWORD)
    page.locator("main form").get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(
        re.compile(rf"{village['earlier'].get_absolute_url()}#answer-{answer.pk}$")
    )
    button = page.locator(f"#helpful-{answer.pk} button")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button.locator(".helpful__count")).to_have_text("1")
    expect(page.get_by_text("you marked this answer helpful")).to_be_visible()
    assert HelpfulVote.objects.filter(answer=answer, voter=village["ana"]).count() == 1


def test_everything_works_without_javascript(live_server, browser, village):
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    base = live_server.url
    sign_in(page, base, village["ana"], reverse("questions:ask"))

    # Ask: the Preview button shows the rendered Markdown and similar questions, saves nothing.
    page.get_by_label("Your question").fill("Tablet at bedtime: how long is fine?")
    page.get_by_label("Tell us more (optional)").fill("Is *twenty minutes* fine?")
    page.get_by_label("Sleep").check()
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#question-preview em")).to_have_text("twenty minutes")
    expect(page.locator("#similar")).to_contain_text(village["earlier"].title)
    expect(page.get_by_label("Your question")).to_have_value("Tablet at bedtime: how long is fine?")
    assert not Question.objects.filter(title__startswith="Tablet at bedtime").exists()
    page.get_by_role("button", name="Post your question").click()
    question = Question.objects.get(title="Tablet at bedtime: how long is fine?")
    expect(page.get_by_role("heading", level=1)).to_have_text(question.title)

    # Answer someone else's question, reply under the answer, and vote: plain forms.
    other = village["earlier"]
    answer = AnswerFactory(question=other, author=village["ben"], body="Keep it short.")
    page.goto(base + other.get_absolute_url())
    form = page.locator("#answer-form")
    form.get_by_role("radio", name=re.compile("^Opinion")).check()
    form.get_by_label("Your answer").fill("Ten minutes, then books.")
    form.get_by_role("button", name="Post your answer").click()
    mine = Answer.objects.get(question=other, author=village["ana"])
    expect(page).to_have_url(re.compile(rf"#answer-{mine.pk}$"))

    thread = page.locator(f"#thread-{answer.pk}")
    thread.locator("summary").first.click()
    thread.get_by_label("Your reply to this answer").fill("Short worked for us too.")
    thread.get_by_role("button", name="Post reply").click()
    reply = Reply.objects.get(answer=answer)
    expect(page).to_have_url(re.compile(rf"\?thread={answer.pk}#reply-{reply.pk}$"))
    expect(page.locator(f"#reply-{reply.pk} .reply__body")).to_be_visible()

    page.locator(f"#helpful-{answer.pk} button").click()
    expect(page.locator(f"#helpful-{answer.pk} .helpful__count")).to_have_text("1")
    screenshot(page, "taking-part-no-js-phone")
    context.close()


def test_share_copies_the_link_or_selects_it_when_the_clipboard_is_unavailable(
    live_server, browser, village
):
    answer = AnswerFactory(question=village["earlier"], author=village["ben"])
    url = live_server.url + village["earlier"].get_absolute_url()

    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url)
    share = page.locator(f"#answer-{answer.pk} .share")
    share.locator("summary").click()
    share.get_by_role("button", name="Copy link").click()
    expect(share.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == f"{url}#answer-{answer.pk}"
    links = share.get_by_role("link")
    expect(links).to_have_count(4)
    screenshot(page, "taking-part-share-desktop")
    context.close()

    # No clipboard (an old browser, or a page not served over https): the link is selected.
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page = context.new_page()
    page.goto(url)
    share = page.locator(f"#answer-{answer.pk} .share")
    share.locator("summary").click()
    share.locator("button[data-copy]").click()
    expect(share.locator("button[data-copy]")).to_have_text(re.compile("Copied|press Ctrl"))
    selected = page.evaluate("window.getSelection().toString() || document.activeElement.value")
    assert selected == f"{url}#answer-{answer.pk}"
    context.close()


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_an_author_edits_sees_the_history_and_deletes_a_reply(
    live_server, page, village, outside_requests, screen
):
    ana = village["ana"]
    question = QuestionFactory(author=ana, title="Quiet time after school: how long?")
    answer = AnswerFactory(question=question, author=village["ben"], body="Twenty minutes.")
    first = services.post_reply(author=ana, answer=answer, body="Thank you, Ben.")
    services.post_reply(author=village["ben"], answer=answer, parent=first, body="Any time!")
    page.set_viewport_size(VIEWPORTS[screen])
    sign_in(page, live_server.url, ana, question.get_absolute_url())

    page.locator(".question").get_by_role("link", name="Edit your question").click()
    page.get_by_label("Tell us more (optional)").fill("Our son is seven and very tired.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".question__body")).to_have_text("Our son is seven and very tired.")
    page.locator(".question").get_by_role("link", name=re.compile("^edited")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How this question changed")
    expect(page.locator(".diff ins").first).to_have_text("Our son is seven ")
    expect(page.locator(".diff del").first).to_contain_text("We have tried a few things")
    screenshot(page, f"taking-part-history-{screen}")
    assert serious_accessibility_violations(page) == []

    page.goto(live_server.url + first.get_absolute_url())
    page.locator(f"#reply-{first.pk}").get_by_role("link", name="Delete your reply").first.click()
    page.get_by_role("button", name="Delete my reply").click()
    thread = page.locator(f"#thread-{answer.pk}")
    expect(thread.locator(".deleted-note")).to_have_text("Reply deleted.")
    expect(thread.get_by_text("Any time!")).to_be_visible()
    expect(thread.get_by_text("Thank you, Ben.")).to_have_count(0)
    screenshot(page, f"taking-part-deleted-reply-{screen}")
    assert serious_accessibility_violations(page) == []
    assert outside_requests == []
