import re

import pytest
from django.urls import reverse

from tests.factories import AnswerFactory, MemberFactory, QuestionFactory, TopicFactory
from village.questions import services
from village.questions.models import Question

pytestmark = pytest.mark.django_db

ASK = reverse("questions:ask")


@pytest.fixture
def topics():
    return [
        TopicFactory(name="Sleep", slug="sleep"),
        TopicFactory(name="Tech & screens", slug="tech-screens"),
        TopicFactory(name="School", slug="school"),
        TopicFactory(name="Food", slug="food"),
    ]


def ask_data(available_topics, **overrides):
    data = {
        "title": "How do you handle bedtime with a new baby in the house?",
        "body": "Our four-year-old keeps getting up.",
        "topics": [available_topics[0].pk],
        "token": "form-token-1",
    }
    data.update(overrides)
    return data


def test_visitors_are_sent_to_sign_in_and_back_to_the_ask_page(client):
    response = client.get(ASK)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={ASK}"


def test_a_member_asks_and_lands_on_the_new_question(client, parent, topics):
    client.force_login(parent)
    form = client.get(ASK)
    assert form.status_code == 200
    assert 'name="token"' in form.content.decode()
    response = client.post(
        ASK,
        ask_data(
            topics,
            topics=[topics[0].pk, topics[1].pk],
            source_url="https://news.example.org/bedtime",
            source_title="this newspaper piece",
        ),
    )
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert question.author == parent
    assert sorted(question.topics.values_list("name", flat=True)) == ["Sleep", "Tech & screens"]
    assert question.source_title == "this newspaper piece"
    assert question.body_html == "<p>Our four-year-old keeps getting up.</p>\n"


def test_a_double_click_publishes_one_question(client, parent, topics):
    client.force_login(parent)
    first = client.post(ASK, ask_data(topics))
    second = client.post(ASK, ask_data(topics))
    assert Question.objects.count() == 1
    assert first["Location"] == second["Location"] == Question.objects.get().get_absolute_url()


def test_the_same_token_from_two_people_makes_two_questions(client, parent, topics):
    client.force_login(parent)
    client.post(ASK, ask_data(topics))
    client.force_login(MemberFactory())
    client.post(ASK, ask_data(topics))
    assert Question.objects.count() == 2


def test_the_database_keeps_one_question_per_ask_form_even_if_a_check_is_skipped(parent):
    first = services.ask_question(author=parent, title="Is this one question?", idempotency_key="k")
    again = services.ask_question(author=parent, title="Is this one question?", idempotency_key="k")
    assert first == again
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Please write your question."),
        ({"title": "Naps?"}, "title", "Please say a little more: at least 10 characters."),
        ({"title": "Why " * 60}, "title", "Please keep the question under 200 characters"),
        ({"topics": []}, "topics", "Please choose at least one topic."),
        ({"body": "x" * 10_001}, "body", "Please keep this under 10,000 characters."),
        ({"source_url": "not a link"}, "source_url", "doesn&#x27;t look like a web address"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_typed_is_lost(
    client, parent, topics, overrides, field, message
):
    client.force_login(parent)
    data = ask_data(topics, **overrides)
    response = client.post(ASK, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert Question.objects.count() == 0
    assert f'id="id_{field}_error"' in html
    error_at = html.index(f'id="id_{field}_error"')
    assert message in html[error_at : error_at + 400]
    # What was typed is still there.
    if data["title"]:
        assert f'value="{data["title"]}"' in html
    assert data["body"][:50] in html


def test_more_than_three_topics_is_refused(client, parent, topics):
    client.force_login(parent)
    response = client.post(ASK, ask_data(topics, topics=[t.pk for t in topics]))
    assert "Please choose no more than 3 topics." in response.content.decode()
    assert Question.objects.count() == 0


def test_the_preview_button_shows_the_rendered_question_and_saves_nothing(client, parent, topics):
    client.force_login(parent)
    response = client.post(ASK, ask_data(topics, body="Is **this** fine?", preview="1"))
    assert "Is <strong>this</strong> fine?" in response.content.decode()
    assert Question.objects.count() == 0


def test_the_live_preview_uses_the_pages_own_sanitising_renderer(client):
    response = client.post(
        reverse("questions:preview"),
        {"body": "Hi **there** <script>alert(1)</script> [x](javascript:alert(1))"},
    )
    html = response.content.decode()
    assert "<strong>there</strong>" in html
    assert "<script>" not in html
    assert 'href="javascript:' not in html


def test_similar_questions_are_found_by_the_words_of_the_title(client):
    match = QuestionFactory(title="Is a tablet at bedtime ruining my toddler's sleep?")
    AnswerFactory(question=match)
    QuestionFactory(title="Packed lunch ideas for a fussy eater?")
    response = client.get(reverse("questions:similar"), {"title": "tablet before bed for toddler"})
    html = response.content.decode()
    assert "Already asked? These might help" in html
    assert "Is a tablet at bedtime ruining my toddler&#x27;s sleep?" in html
    assert "1 answer" in html
    assert "Packed lunch" not in html


def test_similar_questions_show_at_most_five_best_matches_first(client):
    best = QuestionFactory(title="Toddler tablet sleep routine?")
    for n in range(6):
        QuestionFactory(title=f"Toddler question number {n}?")
    html = client.get(reverse("questions:similar"), {"title": "toddler tablet sleep"}).content
    html = html.decode()
    assert html.count("<li>") == 5
    assert html.index(best.title) < html.index("Toddler question number")


def test_short_or_common_words_find_nothing(client):
    QuestionFactory(title="What is the best way to do this?")
    html = client.get(reverse("questions:similar"), {"title": "what is the"}).content.decode()
    assert html.strip() == ""


def test_a_follow_up_starts_from_the_earlier_question(client, parent, topics):
    earlier = services.ask_question(
        author=MemberFactory(), title="When should a child get a phone?", topics=[topics[1]]
    )
    client.force_login(parent)
    html = client.get(ASK, {"follow_up": earlier.pk}).content.decode()
    assert 'value="Follow-up: When should a child get a phone?"' in html
    assert (
        f"Following on from [When should a child get a phone?](http://testserver{earlier.get_absolute_url()})"
        in html
    )
    boxes = re.findall(r'<input type="checkbox" name="topics"[^>]*>', html)
    assert [box for box in boxes if "checked" in box] == [
        box for box in boxes if f'value="{topics[1].pk}"' in box
    ]


def test_an_anonymous_question_hides_the_asker_from_everyone_but_moderators_and_the_asker(
    client, topics
):
    asker = MemberFactory(display_name="Quiet Quentin")
    client.force_login(asker)
    client.post(ASK, ask_data(topics, is_anonymous="on"))
    question = Question.objects.get()
    assert question.is_anonymous

    own_view = client.get(question.get_absolute_url()).content.decode()
    assert "You asked this anonymously" in own_view
    assert "Edit<span" in own_view

    client.force_login(MemberFactory())
    other = client.get(question.get_absolute_url()).content.decode()
    assert "Anonymous parent" in other
    assert "Quiet Quentin" not in other

    client.logout()
    visitor = client.get(question.get_absolute_url()).content.decode()
    assert "Quiet Quentin" not in visitor

    client.force_login(MemberFactory(role="moderator"))
    moderator = client.get(question.get_absolute_url()).content.decode()
    assert "Asked by Quiet Quentin" in moderator
    assert "Only moderators see this." in moderator


def test_the_history_of_an_anonymous_question_does_not_name_the_asker(client, topics):
    asker = MemberFactory(display_name="Quiet Quentin")
    question = services.ask_question(
        author=asker, title="A private worry about school?", is_anonymous=True
    )
    services.edit_question(editor=asker, question=question, title=question.title, body="More.")
    html = client.get(reverse("questions:history", args=[question.pk, question.slug])).content
    assert b"Quiet Quentin" not in html
    assert b"Anonymous parent" in html
