"""The hostile corpus (tests/data/hostile.py) through every field people write in, then every
page that shows it, in a real Chromium.

Everything is sent through Village's real forms and views (Django's test client posting to
the live site's database, which keeps 1,800-odd submissions quick). Each input must be taken,
or refused with a clear form error that keeps what was typed, and then the same text made to
fit (too long: cut; null bytes: left out) must be taken: never a 500. Then Chromium reads the
pages, many inputs per page, on a phone-sized screen (and a desktop for the main ones), and
on every page: no dialog, no console error or CSP report, no `window.__pwned`, no request to
another host, nothing from people's text sticking out of its box, and no sideways scrolling.
"""

import xml.etree.ElementTree as ElementTree
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.validators import MaxLengthValidator
from django.test import Client
from django.urls import reverse

from tests.data.hostile import CANARY_GLOBAL, corpus
from tests.e2e.conftest import ARTIFACTS, VIEWPORTS, screenshot
from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory, signed_in
from tests.mail import html_of, run_worker, text_of
from village.experts.forms import DecisionForm, ExpertApplicationForm
from village.experts.models import ExpertApplication, ExpertiseArea
from village.moderation.forms import ActionForm, FlagForm
from village.moderation.models import Flag, ModerationAction
from village.notifications.models import Notification
from village.notifications.services import set_email_preferences
from village.people.forms import ProfileForm
from village.questions.forms import AnswerForm, AskForm, QuestionForm, ReplyForm
from village.questions.models import Answer, Question, Reply

CORPUS = corpus()
SESSION_COOKIE = "sessionid"

# What people's words end up in on the pages, and the boxes they must stay inside.
USER_CONTENT = ", ".join(
    [
        ".prose",
        ".question__title",
        ".question-row__title",
        ".author__text",
        ".profile__bio",
        ".notification__text",
        ".mod-item__content",
        ".mod-flags li",
        ".mod-log td",
        ".diff",
        ".facts dd",
        ".search-result",
        ".page-title",
        ".errorlist",
    ]
)
BOXES = "article, li, section, dd, td, form, main"

PAGE_CHECK = """
([content, boxes, canary]) => {
  const problems = [];
  if (typeof window[canary] !== "undefined") problems.push(`window.${canary} is defined`);
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth + 1) {
    // Name the widest things that stick out, the innermost first, to say what to fix.
    const wide = [...document.body.querySelectorAll("*")].filter(
      (el) => el.getBoundingClientRect().right > window.innerWidth + 1
        && ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1));
    const named = wide.slice(0, 4).map((el) => {
      const path = [];
      for (let a = el; a && a !== document.body && path.length < 4; a = a.parentElement) {
        const cls = String(a.className || "").split(" ")[0];
        path.unshift(a.tagName.toLowerCase() + (cls ? "." + cls : ""));
      }
      return path.join(" > ");
    });
    problems.push(
      `the page scrolls sideways: ${root.scrollWidth}px on a ${window.innerWidth}px screen, ` +
      `because of ${named.join("; ")}`);
  }
  const clips = (el) => getComputedStyle(el).overflowX !== "visible";
  const range = document.createRange();
  for (const el of document.querySelectorAll(content)) {
    const box = el.parentElement && el.parentElement.closest(boxes);
    if (!box) continue;
    const outer = box.getBoundingClientRect();
    if (outer.width === 0) continue;  // not shown: a closed <details>, a hidden form
    for (const part of [el, ...el.querySelectorAll("*")]) {
      // Something between this part and the box scrolls or clips it: that one is checked.
      let clipped = false;
      for (let a = part.parentElement; a && a !== box; a = a.parentElement) {
        if (clips(a)) { clipped = true; break; }
      }
      if (clipped || !part.checkVisibility()) continue;  // hidden: a closed <details>
      range.selectNodeContents(part);
      for (const rect of [part.getBoundingClientRect(), range.getBoundingClientRect()]) {
        if (rect.width === 0 && rect.height === 0) continue;
        if (rect.left < outer.left - 1 || rect.right > outer.right + 1) {
          const cls = String(part.className || "").split(" ")[0];
          const what = part.tagName.toLowerCase() + (cls ? "." + cls : "");
          const span = (r) => `${Math.round(r.left)}-${Math.round(r.right)}px`;
          const text = (part.textContent || "").slice(0, 60);
          problems.push(
            `${what} spans ${span(rect)}, outside its ${box.tagName.toLowerCase()}` +
            `${box.className ? "." + String(box.className).split(" ")[0] : ""}` +
            `${box.id ? "#" + box.id : ""} at ` +
            `${span(outer)}: ${text}`);
          break;
        }
      }
      if (problems.length > 20) return problems;
    }
  }
  return problems;
}
"""


# --- Sending the corpus through the forms ---------------------------------------------------


def limit_of(form_class, name: str) -> int:
    field = form_class.base_fields[name]
    limits = [v.limit_value for v in field.validators if isinstance(v, MaxLengthValidator)]
    return min([*limits, field.max_length or 10**9])


def fit(text: str, limit: int, minimum: int = 1) -> str:
    """The same text made acceptable: no null bytes, cut to length, padded when too short."""
    text = text.replace("\x00", "")[:limit].strip()
    if len(text) < minimum:
        text = f"{text} (made long enough)"
    return text


class Forms:
    """Posts to Village's real views with the test client and keeps count of what happened."""

    def __init__(self):
        self.taken = 0
        self.refused = 0
        self.refused_twice: list[str] = []

    def post(self, client: Client, url: str, hostile: dict, fitted: dict | None = None):
        """Post the hostile values; if refused, the page must say why and keep them, and the
        fitted values must then be taken. Returns the response that was taken, if any."""
        response = client.post(url, hostile)
        assert response.status_code < 500, (url, response.status_code)
        if response.status_code in (301, 302, 303):
            self.taken += 1
            return response
        assert response.status_code in (200, 400), (url, response.status_code)
        page = response.content.decode()
        assert "errorlist" in page, f"{url} refused {hostile!r:.200} without saying why"
        for name, value in hostile.items():
            if isinstance(value, str) and value.strip() and name not in ("kind", "action"):
                assert escape(value) in page, f"{url} lost what was typed in {name}"
        self.refused += 1
        if fitted is None:
            return None
        response = client.post(url, fitted)
        assert response.status_code < 500, (url, response.status_code)
        if response.status_code not in (301, 302, 303):
            # Refused again for a reason of its own (too many links, say): clearly, though.
            assert "errorlist" in response.content.decode(), (url, fitted)
            self.refused_twice.append(f"{url}: {str(fitted)[:80]}")
            return None
        self.taken += 1
        return response


# --- Reading the pages in Chromium ---------------------------------------------------------


class Reader:
    """One Chromium page that visits Village's pages and notes anything wrong on each."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.dialogs: list[str] = []
        self.problems: list[str] = []
        self.visited = 0
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message} on {self.page.url}")
        dialog.dismiss()

    def sign_in(self, client: Client | None):
        self.page.context.clear_cookies()
        if client is not None:
            cookie = client.cookies[SESSION_COOKIE].value
            self.page.context.add_cookies(
                [{"name": SESSION_COOKIE, "value": cookie, "url": self.base}]
            )

    def visit(self, path: str, viewport: str = "phone", expect_text: str = "") -> None:
        self.page.set_viewport_size(VIEWPORTS[viewport])
        response = self.page.goto(f"{self.base}{path}")
        self.visited += 1
        status = response.status if response else 0
        if not 200 <= status < 400:
            self.problems.append(f"{path} answered {status}")
        # Give anything injected a moment to run (onload, onerror, autofocus, animations).
        self.page.wait_for_timeout(50)
        found = self.page.evaluate(PAGE_CHECK, [USER_CONTENT, BOXES, CANARY_GLOBAL])
        self.problems += [f"{path} ({viewport}): {p}" for p in found]
        if expect_text and expect_text not in self.page.content():
            self.problems.append(f"{path}: expected {expect_text!r} on the page")

    def assert_clean(self, browser_errors, outside_requests):
        assert self.dialogs == [], self.dialogs
        assert browser_errors == [], browser_errors[:10]
        assert outside_requests == [], outside_requests[:10]
        assert self.problems == [], "\n".join(self.problems[:40])


@pytest.fixture
def reader(live_server, page, browser_errors, outside_requests):
    return Reader(page, live_server.url)


@pytest.fixture
def hostile_settings(settings):
    settings.POST_RATE_LIMITS = {}
    settings.REPEATED_TEXT_PER_DAY = 10_000
    settings.NEW_MEMBER_MAX_LINKS = (
        10_000  # the corpus is full of links; the limit isn't tested here
    )
    return settings


def look(page, name: str, at: str = "") -> None:
    """A screenshot to look at: the whole page when it's of a sensible length, else the screen
    (scrolled to `at`); Chromium can't capture pages tens of thousands of pixels tall."""
    if at:
        page.locator(at).first.scroll_into_view_if_needed()
    if not at and page.evaluate("document.documentElement.scrollHeight") < 12_000:
        screenshot(page, name)
    else:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def opened_threads(path: str, answer_pk: int) -> str:
    return f"{path}?{urlencode({'thread': answer_pk})}"


# --- Questions, answers, replies, edits: and where they show --------------------------------


def test_questions_answers_and_replies_take_the_corpus_and_show_it_harmlessly(
    live_server, reader, hostile_settings, smtp_server, browser_errors, outside_requests
):
    forms = Forms()
    topic = TopicFactory(name="Hostile inputs", slug="hostile-inputs")
    # Two askers, so each one's notifications page (100 newest) holds all of theirs.
    askers = [MemberFactory(display_name=f"Asker {n}") for n in (1, 2)]
    # Only the first has answers emailed: that's enough emails to look at, and quicker.
    set_email_preferences(user=askers[1], modes={Notification.Kind.ANSWER_TO_MY_QUESTION: "off"})
    nia, rex = MemberFactory(display_name="Nia Answers"), MemberFactory(display_name="Rex Replies")
    title_max, body_max = limit_of(AskForm, "title"), limit_of(AskForm, "body")

    # Every entry as a question's title and body, through the ask form.
    questions = []
    for n, (name, text) in enumerate(CORPUS):
        asker = signed_in(askers[n % 2])
        base = {"topics": [topic.pk], "token": f"hostile-{n}"}
        fitted_title = fit(text, title_max - 12, 10 - 5) + f" (#{n})"
        taken = forms.post(
            asker,
            reverse("questions:ask"),
            {**base, "title": text, "body": text},
            {**base, "title": fitted_title, "body": fit(text, body_max)},
        )
        assert taken is not None, name
        questions.append(Question.objects.get(pk=int(taken["Location"].split("/")[2])))
    assert len(questions) == len(CORPUS)

    # Nia answers each, so each asker hears of it, by notification and by email.
    nia_client = signed_in(nia)
    for question in questions:
        forms.post(
            nia_client,
            reverse("questions:answer", args=[question.pk, question.slug]),
            {"kind": "experience", "body": f"What worked for us, number {question.pk}."},
        )

    # One conversation holds the whole corpus: an answer per entry, from a member each...
    mia = MemberFactory(display_name="Mia Main")
    set_email_preferences(user=mia, modes={Notification.Kind.ANSWER_TO_MY_QUESTION: "off"})
    main = QuestionFactory(author=mia, title="What is the safest way to share photos?")
    answer_max = limit_of(AnswerForm, "body")
    for _name, text in CORPUS:
        writer = signed_in(MemberFactory())
        forms.post(
            writer,
            reverse("questions:answer", args=[main.pk, main.slug]),
            {"kind": "opinion", "body": text},
            {"kind": "opinion", "body": fit(text, answer_max)},
        )
    assert Answer.objects.filter(question=main).count() == len(CORPUS)

    # ...and a reply per entry beneath the first answer.
    first = Answer.objects.filter(question=main).order_by("pk").first()
    rex_client = signed_in(rex)
    reply_max = limit_of(ReplyForm, "body")
    for _name, text in CORPUS:
        forms.post(
            rex_client,
            reverse("questions:reply", args=[first.pk]),
            {"body": text},
            {"body": fit(text, reply_max)},
        )
    assert Reply.objects.filter(answer=first).count() == len(CORPUS)

    # The asker edits the main question once per entry: its history shows every version.
    owner = signed_in(mia)
    edit_url = reverse("questions:edit", args=[main.pk, main.slug])
    for n, (_name, text) in enumerate(CORPUS):
        forms.post(
            owner,
            edit_url,
            {"title": text, "body": text},
            {
                "title": fit(text, limit_of(QuestionForm, "title") - 8, 5) + f" (#{n})",
                "body": fit(text, limit_of(QuestionForm, "body")),
            },
        )
    # A few answer and reply edits, for their history pages.
    edited_reply = Reply.objects.filter(answer=first).order_by("pk").first()
    writer_client = signed_in(first.author)
    for _name, text in CORPUS[:: len(CORPUS) // 8]:
        forms.post(
            writer_client,
            reverse("questions:edit_answer", args=[first.pk]),
            {"kind": "opinion", "body": text},
            {"kind": "opinion", "body": fit(text, answer_max)},
        )
        forms.post(
            rex_client,
            reverse("questions:edit_reply", args=[edited_reply.pk]),
            {"body": text},
            {"body": fit(text, reply_max)},
        )

    # What the open web and the htmx helpers read: never a 500, feeds always well-formed XML.
    visitor = Client()
    for name, text in CORPUS:
        for path, query in (
            (reverse("search:similar"), {"q": text}),
            (reverse("questions:similar"), {"title": text}),
        ):
            response = visitor.get(path, query)
            assert response.status_code == 200, (path, name, response.status_code)
    for name, text in CORPUS:
        response = visitor.post(reverse("questions:preview"), {"body": text})
        assert response.status_code == 200, (name, response.status_code)
    feeds = [reverse("feeds:newest"), reverse("feeds:topic", args=[topic.slug])]
    feeds += [reverse("feeds:answers", args=[q.pk]) for q in [main, *questions]]
    for path in feeds:
        response = visitor.get(path)
        assert response.status_code == 200, (path, response.status_code)
        ElementTree.fromstring(response.content)

    # The emails the askers got name the hostile titles: harmless in text and in HTML.
    run_worker()
    emails = [m for m in smtp_server.inbox if m["To"] in {a.email for a in askers}]
    assert len(emails) == (len(CORPUS) + 1) // 2, len(emails)
    for email in emails:
        assert "\n" not in email["Subject"]
        assert_harmless_html(html_of(email))
        assert text_of(email)

    # Now read it all in Chromium.
    main.refresh_from_db()
    main_url = main.get_absolute_url()
    page = reader.page
    names = [name for name, _ in CORPUS]
    answer_ids = dict(zip(names, Answer.objects.filter(question=main).order_by("pk"), strict=True))
    for viewport in ("desktop", "phone"):
        reader.visit(opened_threads(main_url, first.pk), viewport)
        look(page, f"hostile-question-{viewport}")
        for name in ("layout-0", "layout-1", "canary-0", "invisible-3", "markdown-20"):
            if name in answer_ids:
                look(page, f"hostile-answer-{name}-{viewport}", f"#answer-{answer_ids[name].pk}")
        look(page, f"hostile-replies-{viewport}", f"#thread-{first.pk} .reply-list")
    rendered = page.locator(".answer__body").count()
    assert rendered == len(CORPUS), rendered
    assert page.locator(f"#thread-{first.pk} .reply__body").count() == len(CORPUS)
    for path in (
        reverse("questions:history", args=[main.pk, main.slug]),
        reverse("questions:answer_history", args=[first.pk]),
        reverse("questions:reply_history", args=[edited_reply.pk]),
    ):
        reader.visit(path)
    look(page, "hostile-reply-history-phone")
    for question in questions:  # each question's own page: its title and body in place
        reader.visit(question.get_absolute_url())
    # Listings: every page of the topic, the home page, and search for each entry.
    path = topic.get_absolute_url()
    listed = 0
    while path:
        reader.visit(path)
        listed += page.locator(".question-row").count()
        following = page.locator("a[rel=next]")
        path = following.get_attribute("href") if following.count() else ""
        if path:
            path = topic.get_absolute_url() + path
    assert listed == len(CORPUS), listed
    reader.visit("/")
    for _name, text in CORPUS:
        reader.visit(f"{reverse('search:results')}?{urlencode({'q': text[:2000]})}")
    look(page, "hostile-search-phone")
    # The askers' notifications, each naming a hostile title.
    for asker in askers:
        reader.sign_in(signed_in(asker))
        reader.visit(reverse("notifications:list"))
        shown = page.locator(".notification").count()
        assert shown >= len(CORPUS) // 2, shown
    look(page, "hostile-notifications-phone")
    # The emails' HTML, in the browser too (no network: only what the email itself holds).
    reader.page.goto("about:blank")  # a page of its own: no Village CSP to hide anything
    reader.page.route("**/*", lambda route: route.abort())
    for email in emails[:: max(1, len(emails) // 20)]:
        reader.page.set_content(html_of(email))
        reader.page.wait_for_timeout(20)
        assert reader.page.evaluate(f"typeof window.{CANARY_GLOBAL}") == "undefined"
    reader.page.unroute("**/*")

    print(
        f"\n{len(CORPUS)} hostile inputs; {forms.taken} submissions taken, {forms.refused} "
        f"refused with a form error, {len(forms.refused_twice)} refused again once fitted; "
        f"{reader.visited} page visits in Chromium"
    )
    reader.assert_clean(browser_errors, outside_requests)


class _HTMLAudit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "svg", "math", "form", "style"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}")
            if name in ("href", "src") and urlsplit((value or "").strip()).scheme.lower() not in (
                "",
                "http",
                "https",
                "mailto",
            ):
                self.problems.append(f"{tag} {name}={value!r}")


def assert_harmless_html(markup: str) -> None:
    audit = _HTMLAudit()
    audit.feed(markup)
    assert audit.problems == [], audit.problems


# --- People: profiles, author cards, sign-up names, expert applications ----------------------


def test_profiles_and_expert_applications_take_the_corpus_and_show_it_harmlessly(
    live_server, reader, hostile_settings, smtp_server, browser_errors, outside_requests
):
    forms = Forms()
    ExpertiseArea.objects.get_or_create(name="Sleep")
    area = ExpertiseArea.objects.get(name="Sleep")
    question = QuestionFactory(title="Who has tips for the first week of school?")
    limits = {
        name: limit_of(ProfileForm, name) for name in ("display_name", "headline", "city", "bio")
    }
    apply_limits = {
        name: limit_of(ExpertApplicationForm, name)
        for name in ("headline", "credentials", "statement")
    }
    people = []
    for n, (_name, text) in enumerate(CORPUS):
        member = MemberFactory()
        people.append(member)
        client = signed_in(member)
        hostile = {"display_name": text, "headline": text, "city": text, "bio": text, "country": ""}
        fitted = {key: fit(text, limits[key]) for key in limits} | {"country": "GB"}
        fitted["display_name"] = fit(text, limits["display_name"] - 6) + f" #{n}"
        forms.post(client, reverse("people:edit"), hostile, fitted)
        # Each one answers, so the question page shows every hostile author card.
        AnswerFactory(question=question, author=member, body=f"Our tip number {n}.")
        # And applies to be an expert: the URL field takes only web addresses.
        evidence = text if text.startswith(("http", "javascript", "data", "<", "[")) else ""
        hostile = {
            "area": area.pk,
            "headline": text,
            "credentials": text,
            "statement": text,
            "evidence_url": evidence or f"https://example.org/{text[:100]}",
        }
        fitted = {key: fit(text, apply_limits[key]) for key in apply_limits}
        fitted |= {"area": area.pk, "evidence_url": f"https://example.org/evidence/{n}"}
        forms.post(client, reverse("experts:apply"), hostile, fitted)
    assert ExpertApplication.objects.filter(status="pending").count() == len(CORPUS)

    # Sign-up takes a display name too (a few: each sign-up hashes a password).
    visitor = Client()
    for n, (name, text) in enumerate(CORPUS[:: len(CORPUS) // 10]):
        response = visitor.post(
            reverse("account_signup"),
            {
                "display_name": text,
                "email": f"signup{n}@example.org",
                "password1": "a-long-passphrase-123",
                "password2": "a-long-passphrase-123",
            },
        )
        assert response.status_code < 500, (name, response.status_code)
        if response.status_code == 200:
            assert "errorlist" in response.content.decode(), name
        visitor.logout()

    # A moderator turns down a handful, with hostile reasons the applicants read.
    moderator = MemberFactory(display_name="Mo Moderator", role="moderator")
    mod_client = signed_in(moderator)
    sample = list(ExpertApplication.objects.order_by("pk"))[:: len(CORPUS) // 10]
    reason_max = limit_of(DecisionForm, "reason")
    for application, (_name, text) in zip(sample, CORPUS[:: len(CORPUS) // 10], strict=False):
        forms.post(
            mod_client,
            reverse("experts:review", args=[application.pk]),
            {"decision": "reject", "reason": text},
            {"decision": "reject", "reason": fit(text, reason_max)},
        )
    run_worker()

    # In Chromium: every author card on one page, then each profile, the review queue,
    # the review pages and the applicants' own view of the decision.
    page = reader.page
    reader.visit(question.get_absolute_url(), "desktop")
    reader.visit(question.get_absolute_url(), "phone")
    assert page.locator(".answer .author__text").count() == len(CORPUS)
    for n, member in enumerate(people):
        reader.visit(reverse("people:profile", args=[member.pk]))
        if CORPUS[n][0] in ("xss-0", "invisible-3", "layout-0"):
            look(page, f"hostile-profile-{CORPUS[n][0]}-phone")
            reader.visit(reverse("people:profile", args=[member.pk]), "desktop")
            look(page, f"hostile-profile-{CORPUS[n][0]}-desktop")
    reader.sign_in(mod_client)
    reader.visit(reverse("experts:review_queue"))
    look(page, "hostile-expert-queue-phone")
    for application in ExpertApplication.objects.filter(status="pending").order_by("pk"):
        reader.visit(reverse("experts:review", args=[application.pk]))
    look(page, "hostile-expert-review-phone")
    for application in sample:
        reader.sign_in(signed_in(application.applicant))
        reader.visit(reverse("experts:apply"))
        reader.visit(reverse("notifications:list"))

    print(
        f"\n{len(CORPUS)} hostile inputs; {forms.taken} submissions taken, {forms.refused} "
        f"refused with a form error, {len(forms.refused_twice)} refused again once fitted; "
        f"{reader.visited} page visits in Chromium"
    )
    reader.assert_clean(browser_errors, outside_requests)


# --- Moderation: flag notes, reasons, the queue and the audit log ---------------------------


def test_flags_and_moderation_reasons_take_the_corpus_and_show_it_harmlessly(
    live_server, reader, hostile_settings, smtp_server, browser_errors, outside_requests
):
    forms = Forms()
    question = QuestionFactory(title="How do you handle a child who bites at nursery?")
    moderator = MemberFactory(display_name="Mo Moderator", role="moderator")
    mod_client = signed_in(moderator)
    note_max, reason_max = limit_of(FlagForm, "note"), limit_of(ActionForm, "reason")
    answers = []
    for n, (_name, text) in enumerate(CORPUS):
        writer = MemberFactory(display_name=f"Writer {n}")
        answer = AnswerFactory(question=question, author=writer, body=f"Answer {n}: it passes.")
        answers.append(answer)
        flagger = signed_in(MemberFactory(display_name=f"Flagger {n}"))
        reason = "abuse" if n % 2 else "misinformation"
        for kind, pk in (("answer", answer.pk), ("member", writer.pk)):
            forms.post(
                flagger,
                reverse("moderation:flag", args=[kind, pk]),
                {"reason": reason, "note": text},
                {"reason": reason, "note": fit(text, note_max)},
            )
    assert Flag.objects.count() == 2 * len(CORPUS)

    # The queue shows every flag's note, in Chromium.
    page = reader.page
    reader.sign_in(mod_client)
    reader.visit(reverse("moderation:queue"), "desktop")
    reader.visit(reverse("moderation:queue"), "phone")
    look(page, "hostile-moderation-queue-phone")
    assert page.locator(".mod-flags li").count() == 2 * len(CORPUS)

    # A moderator dismisses each answer's flags and warns each writer, with a hostile reason.
    for answer, (_name, text) in zip(answers, CORPUS, strict=True):
        for kind, pk, action in (
            ("answer", answer.pk, "dismiss"),
            ("member", answer.author_id, "warn"),
        ):
            forms.post(
                mod_client,
                reverse("moderation:act", args=[kind, pk]),
                {"action": action, "reason": text},
                {"action": action, "reason": fit(text, reason_max)},
            )
    logged = ModerationAction.objects.filter(moderator=moderator).count()
    assert logged == 2 * len(CORPUS), logged
    run_worker()

    # The audit log, every page of it; the warned members' notifications.
    path = reverse("moderation:log")
    while path:
        reader.visit(path)
        older = page.locator("nav.pager a", has_text="Older")
        path = reverse("moderation:log") + older.get_attribute("href") if older.count() else ""
    look(page, "hostile-audit-log-phone")
    for answer in answers[:: len(answers) // 10]:
        reader.sign_in(signed_in(answer.author))
        reader.visit(reverse("notifications:list"))
    look(page, "hostile-warning-phone")

    print(
        f"\n{len(CORPUS)} hostile inputs; {forms.taken} submissions taken, {forms.refused} "
        f"refused with a form error, {len(forms.refused_twice)} refused again once fitted; "
        f"{reader.visited} page visits in Chromium"
    )
    reader.assert_clean(browser_errors, outside_requests)


# --- A 1 MB body from a real browser form ----------------------------------------------------


def test_a_one_megabyte_answer_from_the_browser_gets_a_clear_error_and_keeps_the_text(
    live_server, reader, hostile_settings, browser_errors, outside_requests
):
    """The browser sends forms URL-encoded: 1 MB of "<" becomes 3 MB on the wire."""
    member = MemberFactory(display_name="Pat Paster")
    question = QuestionFactory(title="How much screen time is too much for a toddler?")
    reader.sign_in(signed_in(member))
    page = reader.page
    reader.visit(question.get_absolute_url())
    huge = dict(CORPUS)["1 MB of angle brackets"]
    form = page.locator("#answer-form")
    form.locator("input[name=kind][value=opinion]").check()
    form.get_by_label("Your answer").fill(huge)
    form.get_by_role("button", name="Post your answer").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").first.is_visible()
    look(page, "hostile-one-megabyte-refused-phone", "#answer-form .errorlist")
    kept = page.locator("#answer-form").get_by_label("Your answer").input_value()
    assert kept == huge
    assert Answer.objects.filter(question=question).count() == 0
    reader.assert_clean(browser_errors, outside_requests)
