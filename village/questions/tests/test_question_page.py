from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    AnswerFactory,
    ExpertFactory,
    MemberFactory,
    QuestionFactory,
    TopicFactory,
)
from village.questions import services
from village.questions.models import Answer, Question

pytestmark = pytest.mark.django_db


class _Texts(HTMLParser):
    """Collects the text of elements whose class list contains a given class."""

    def __init__(self, css_class):
        super().__init__()
        self.css_class, self.depth, self.texts = css_class, 0, []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif self.css_class in classes:
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def texts(html: str, css_class: str) -> list[str]:
    parser = _Texts(css_class)
    parser.feed(html)
    return [" ".join(t.split()) for t in parser.texts]


def get_page(client, question):
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_question_shows_author_card_topics_and_source(client):
    writer = MemberFactory(
        display_name="Wren Writer",
        role="staff_writer",
        headline="Staff writer",
        city="Derby",
        country="gb",
    )
    topic = TopicFactory(name="E-safety", slug="e-safety")
    question = services.ask_question(
        author=writer,
        title="Should pupils follow their teachers online?",
        body="An article got us talking.",
        topics=[topic],
        source_url="https://news.example.org/story",
        source_title="this newspaper piece",
    )
    html = get_page(client, question)
    assert texts(html, "question__title") == ["Should pupils follow their teachers online?"]
    assert texts(html, "author__name") == ["Wren Writer"]
    assert texts(html, "badge") == ["Staff writer"]
    assert texts(html, "author__location") == ["Derby, GB"]
    assert texts(html, "avatar") == ["WW"]
    assert texts(html, "chip") == ["E-safety"]
    assert (
        'href="https://news.example.org/story" rel="nofollow ugc noopener">this newspaper piece'
        in html
    )
    assert texts(html, "answered-line") == ["No answers yet"]


def test_answers_are_ordered_by_helpful_votes_then_age(client):
    question = QuestionFactory()
    now = timezone.now()
    old_quiet = AnswerFactory(
        question=question, body="old quiet", created_at=now - timedelta(days=9)
    )
    new_popular = AnswerFactory(question=question, body="new popular", created_at=now)
    older_popular = AnswerFactory(
        question=question, body="older popular", created_at=now - timedelta(days=3)
    )
    voters = [MemberFactory() for _ in range(2)]
    for voter in voters:
        services.mark_helpful(voter=voter, answer=new_popular)
        services.mark_helpful(voter=voter, answer=older_popular)
    html = get_page(client, question)
    assert texts(html, "answer__body") == ["older popular", "new popular", "old quiet"]
    assert texts(html, "helpful__count") == ["2", "2", "0"]
    assert old_quiet.pk  # the unvoted answer is still shown, last


def test_expert_label_only_for_verified_experts(client):
    question = QuestionFactory()
    verified = ExpertFactory(display_name="Vera Verified", area="Sleep")
    pending = ExpertFactory(display_name="Pat Pending", area="Sleep", verified=False)
    AnswerFactory(question=question, author=verified, body="verified says")
    AnswerFactory(question=question, author=pending, body="pending says")
    html = get_page(client, question)
    assert [t.lstrip("✓ ") for t in texts(html, "expert-flag")] == ["Expert answer"]
    assert texts(html, "author__expertise") == ["Sleep expert"]
    assert texts(html, "badge") == ["Expert"]
    # The unverified expert counts as a parent.
    assert texts(html, "answered-line") == ["1 expert and 1 parent have answered"]


def test_count_line_counts_experts_and_parents(client, expert, parent, admin_member):
    question = QuestionFactory()
    AnswerFactory(question=question, author=expert)
    AnswerFactory(question=question, author=parent)
    AnswerFactory(question=question, author=admin_member)
    assert texts(get_page(client, question), "answered-line") == [
        "1 expert and 2 parents have answered"
    ]


def test_each_answer_shows_kind_age_and_reply_count(client, parent):
    question = QuestionFactory()
    answer = AnswerFactory(
        question=question,
        kind=Answer.Kind.OPINION,
        created_at=timezone.now() - timedelta(days=365 * 4 + 30),
    )
    first = services.post_reply(author=parent, answer=answer, body="Thanks, this helped.")
    services.post_reply(author=answer.author, answer=answer, parent=first, body="Glad to hear it.")
    html = get_page(client, question)
    assert texts(html, "kind") == ["Opinion"]
    assert "4 years ago</time>" in html
    assert (
        f'datetime="{timezone.localtime(answer.created_at).isoformat(timespec="seconds")}"' in html
    )
    assert "<summary>Reply (2)</summary>" in html
    assert texts(html, "reply__body") == ["Thanks, this helped.", "Glad to hear it."]
    assert html.index("Thanks, this helped.") < html.index("Glad to hear it.")


def test_anonymous_question_hides_the_asker(client):
    asker = MemberFactory(display_name="Secret Sal")
    question = QuestionFactory(author=asker, is_anonymous=True)
    html = get_page(client, question)
    assert "Secret Sal" not in html
    assert texts(html, "author__name") == ["Anonymous parent"]


def test_wrong_slug_redirects_permanently_to_the_canonical_url(client):
    question = QuestionFactory(title="Bedtime battles with a five year old?")
    response = client.get(f"/questions/{question.pk}/old-title/")
    assert response.status_code == 301
    assert response["Location"] == f"/questions/{question.pk}/bedtime-battles-with-a-five-year-old/"


def test_hidden_question_is_not_found_for_visitors(client):
    question = QuestionFactory()
    Question.objects.filter(pk=question.pk).update(status=Question.Status.HIDDEN)
    assert client.get(question.get_absolute_url()).status_code == 404


def test_reading_as_a_visitor_writes_nothing(client):
    question = QuestionFactory()
    AnswerFactory(question=question)
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
        client.get(question.get_absolute_url())
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))
    ]
    assert writes == []
    assert Session.objects.count() == 0


def _question_with(answers: int, replies_per_answer: int):
    question = QuestionFactory()
    topic_a, topic_b = TopicFactory(), TopicFactory()
    question.topics.set([topic_a, topic_b])
    for n in range(answers):
        author = ExpertFactory() if n % 2 else MemberFactory()
        answer = AnswerFactory(question=question, author=author)
        parent = None
        for _ in range(replies_per_answer):
            parent = services.post_reply(
                author=MemberFactory(), answer=answer, parent=parent, body="+1"
            )
    return question


@pytest.mark.parametrize(("answers", "replies"), [(6, 0), (6, 2), (60, 3)])
def test_question_page_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, answers, replies
):
    question = _question_with(answers, replies)
    with django_assert_max_num_queries(10):
        response = client.get(question.get_absolute_url())
    assert response.content.decode().count('class="answer') >= answers


def test_question_page_queries_do_not_grow_with_answers(client):
    counts = []
    # Both asked first, so each has the other as a related question.
    for question in [_question_with(answers, 2) for answers in (6, 60)]:
        with CaptureQueriesContext(connection) as queries:
            client.get(question.get_absolute_url())
        counts.append(len(queries))
    assert counts[0] == counts[1]


# Queries other features add to the page: the notification count in the header, the moderator's
# two-factor reminder, following, related questions. The page's budget is 10 for a member. This
# issue's parts (session, user, profile, email confirmation, question with the reader's feedback
# or the moderators' tally, topics, answers with the member's votes, replies) take 8 of them,
# so the features above have 2 between them; today they use 4 (see the issue 4 report).
OTHER_FEATURES = (
    "notifications_notification",
    "mfa_authenticator",
    "questions_questionfollow",
    "search_question_fts",  # related questions: the text match on SQLite ...
    "to_tsquery(",  # ... and on PostgreSQL,
    'AS "shared"',  # then the questions themselves
)


def _page_queries(client, question):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    others = [q for q in sql if any(marker in q for marker in OTHER_FEATURES)]
    return response.content.decode(), sql, others


@pytest.mark.parametrize(("answers", "replies"), [(6, 2), (60, 3)])
def test_question_page_stays_within_ten_queries_for_a_signed_in_member(client, answers, replies):
    question = _question_with(answers, replies)
    member = MemberFactory()
    voted_on = Answer.objects.filter(question=question).first()
    services.mark_helpful(voter=member, answer=voted_on)
    services.record_feedback(question=question, visitor_key=f"user:{member.pk}", found=True)
    client.force_login(member)
    html, sql, others = _page_queries(client, question)
    assert len(sql) - len(others) <= 8, sql
    _, sql, _ = _page_queries(client, question)  # warm: related questions and counts cached
    assert len(sql) <= 10, sql
    assert html.count('class="helpful__button') >= answers - 1
    assert html.count('aria-pressed="true"') == 2  # the vote, and "yes" to the feedback question
    assert 'id="answer-form"' in html


def test_a_members_page_costs_the_same_with_6_or_60_answers(client):
    member = MemberFactory()
    client.force_login(member)
    counts = []
    for n in (6, 60):
        question = _question_with(n, 2)
        _page_queries(client, question)  # fill the caches (related questions, unread count)
        counts.append(len(_page_queries(client, question)[1]))
    assert counts[0] == counts[1]


def test_question_page_stays_within_ten_queries_for_a_moderator_who_sees_the_tally(client):
    question = _question_with(6, 2)
    services.record_feedback(question=question, visitor_key="visitor:a", found=True)
    services.record_feedback(question=question, visitor_key="visitor:b", found=False)
    services.record_feedback(question=question, visitor_key="visitor:c", found=False)
    client.force_login(MemberFactory(role="moderator"))
    html, sql, others = _page_queries(client, question)
    assert len(sql) - len(others) <= 8, sql
    assert "1 said yes, 2 said no." in html


def test_members_do_not_see_the_feedback_tally(client, parent):
    question = QuestionFactory()
    services.record_feedback(question=question, visitor_key="visitor:a", found=True)
    client.force_login(parent)
    assert "said yes" not in get_page(client, question)


def test_shared_links_show_a_title_and_a_summary(client):
    question = QuestionFactory(
        title="Should a ten-year-old have a smartwatch?",
        body="Her friends all have one. **We** are not sure.",
    )
    html = get_page(client, question)
    url = f"http://testserver{question.get_absolute_url()}"
    assert f'<meta property="og:title" content="{question.title}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert (
        '<meta property="og:description" content="Her friends all have one. We are not sure.'
        in html
    )
    assert '<meta name="twitter:card" content="summary">' in html
    assert f'<meta name="twitter:title" content="{question.title}">' in html


def test_share_offers_copy_email_whatsapp_facebook_and_x_as_plain_links(client):
    answer = AnswerFactory(question=QuestionFactory(title="Phones at the dinner table?"))
    html = get_page(client, answer.question)
    link = f"http%3A//testserver{answer.question.get_absolute_url()}%23answer-{answer.pk}"
    at = html.index(f'id="share-{answer.pk}"')
    panel = html[at - 400 : at + 2000]
    assert (
        f'value="http://testserver{answer.question.get_absolute_url()}#answer-{answer.pk}"' in panel
    )
    assert 'data-copy="share-' in panel
    assert "mailto:?subject=Phones%20at%20the%20dinner%20table%3F&amp;body=" in panel
    assert f"https://wa.me/?text=Phones%20at%20the%20dinner%20table%3F%20{link}" in panel
    assert f"https://www.facebook.com/sharer/sharer.php?u={link}" in panel
    assert f"https://x.com/intent/post?url={link}" in panel
    assert panel.count('rel="noopener noreferrer nofollow"') == 3
    # The question itself can be shared too.
    assert 'id="share-question"' in html
