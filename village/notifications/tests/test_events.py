"""Each event makes the right in-site notification and, per preference, an email now, a line
in the daily summary, or nothing. Real tasks, a real worker, a real SMTP server."""

import time

import pytest

from tests.factories import (
    AnswerFactory,
    ExpertFactory,
    MemberFactory,
    QuestionFactory,
    TopicFactory,
)
from tests.mail import first_link, html_of, run_worker, text_of
from village.notifications.models import EmailMode, Notification, NotificationEvent
from village.notifications.services import (
    notify_moderation_action,
    send_daily_summaries,
    set_email_preferences,
)
from village.questions import services
from village.questions.tasks import announce_answer

pytestmark = pytest.mark.django_db(transaction=True)


def notes_for(user):
    return list(Notification.objects.filter(recipient=user).values_list("message", flat=True))


def test_a_new_answer_tells_the_asker_at_once_by_email_linking_to_the_answer_not_naming_anyone(
    smtp_server,
):
    asker = MemberFactory(display_name="Ana Asker")
    question = QuestionFactory(author=asker, title="Bedtime battles with a four-year-old")
    answer = AnswerFactory(question=question, author=MemberFactory(display_name="Ben Helper"))
    run_worker()
    [note] = Notification.objects.filter(recipient=asker)
    assert note.message == "New answer on your question “Bedtime battles with a four-year-old”"
    assert note.url == f"{question.get_absolute_url()}#answer-{answer.pk}"
    [email] = smtp_server.messages_to(asker.email)
    assert email["Subject"].strip().startswith("New answer on your question “Bedtime")
    assert "Ben Helper" not in text_of(email)  # names stay on the site, where deletion reaches
    assert first_link(text_of(email).split("Read it on Village:")[1]).endswith(
        f"#answer-{answer.pk}"
    )
    assert f"#answer-{answer.pk}" in html_of(email)


def test_nobody_hears_of_their_own_answer_or_reply(smtp_server):
    asker = MemberFactory()
    question = QuestionFactory(author=asker)
    answer = AnswerFactory(question=question, author=MemberFactory())
    services.post_reply(author=answer.author, answer=answer, body="Adding a detail I forgot.")
    run_worker()
    assert notes_for(answer.author) == []
    assert len(notes_for(asker)) == 1


def test_followers_hear_of_answers_in_their_daily_summary_not_straight_away(smtp_server):
    question = QuestionFactory()
    follower = MemberFactory(display_name="Fay Follower")
    services.follow_question(follower, question)
    AnswerFactory(question=question, author=MemberFactory(display_name="Gus"))
    run_worker()
    assert notes_for(follower) == [f"New answer on “{question.title}”"]
    assert smtp_server.messages_to(follower.email) == []
    send_daily_summaries()
    run_worker()
    [summary] = smtp_server.messages_to(follower.email)
    assert summary["Subject"] == "Your day on Village: 1 thing you may have missed"
    assert f"New answer on “{question.title}”" in text_of(summary)


def test_several_answers_collapse_into_one_unread_notification(smtp_server):
    asker = MemberFactory()
    question = QuestionFactory(author=asker, title="Screen time at grandma's")
    for _ in range(3):
        AnswerFactory(question=question)
    run_worker()
    assert notes_for(asker) == ["3 new answers on your question “Screen time at grandma's”"]
    assert Notification.objects.get(recipient=asker).count == 3


def test_a_read_notification_is_not_reopened_by_the_next_answer(smtp_server):
    asker = MemberFactory()
    question = QuestionFactory(author=asker)
    AnswerFactory(question=question)
    run_worker()
    Notification.objects.filter(recipient=asker).update(read_at="2026-01-01T00:00Z")
    AnswerFactory(question=question, author=MemberFactory(display_name="Cat"))
    run_worker()
    assert Notification.objects.filter(recipient=asker).count() == 2


def test_replies_reach_the_answer_author_and_the_person_replied_to_in_the_daily_summary(
    smtp_server,
):
    answer = AnswerFactory(author=MemberFactory(display_name="Ann Answer"))
    first = services.post_reply(
        author=MemberFactory(display_name="Rob"), answer=answer, body="Did this work for you?"
    )
    services.post_reply(
        author=MemberFactory(display_name="Sue"), answer=answer, body="Yes, agree.", parent=first
    )
    run_worker()
    title = answer.question.title
    assert notes_for(answer.author) == [f"2 new replies to you on “{title}”"]
    assert notes_for(first.author) == [f"New reply to you on “{title}”"]
    assert Notification.objects.get(recipient=first.author).url.endswith(
        f"?thread={answer.pk}#reply-{first.pk + 1}"
    )
    assert smtp_server.messages_to(answer.author.email) == []
    send_daily_summaries()
    run_worker()
    [summary] = smtp_server.messages_to(answer.author.email)
    assert text_of(summary).count(f"New reply to your answer on “{title}”") == 2


def test_helpful_votes_notify_the_first_and_each_milestone_but_email_nothing_by_default(
    smtp_server,
):
    answer = AnswerFactory()
    services.mark_helpful(voter=MemberFactory(), answer=answer)
    run_worker()
    for _ in range(4):
        services.mark_helpful(voter=MemberFactory(), answer=answer)
    run_worker()
    title = answer.question.title
    messages = sorted(
        NotificationEvent.objects.filter(recipient=answer.author).values_list("message", flat=True)
    )
    assert messages == [
        f"5 people have found your answer on “{title}” helpful",
        f"Someone found your answer on “{title}” helpful",
    ]
    assert notes_for(answer.author) == [f"5 people have found your answer on “{title}” helpful"]
    send_daily_summaries()
    run_worker()
    assert smtp_server.messages_to(answer.author.email) == []


def test_taking_a_vote_back_and_giving_it_again_does_not_repeat_the_milestone(smtp_server):
    answer, voter = AnswerFactory(), MemberFactory()
    services.mark_helpful(voter=voter, answer=answer)
    services.mark_helpful(voter=voter, answer=answer)
    services.mark_helpful(voter=voter, answer=answer)
    run_worker()
    assert NotificationEvent.objects.filter(recipient=answer.author).count() == 1


def test_an_instant_preference_emails_helpful_votes_at_once(smtp_server):
    answer = AnswerFactory()
    set_email_preferences(user=answer.author, modes={"helpful": EmailMode.INSTANT})
    services.mark_helpful(voter=MemberFactory(), answer=answer)
    run_worker()
    [email] = smtp_server.messages_to(answer.author.email)
    assert "found your answer" in email["Subject"].strip()


def test_turning_answers_off_keeps_the_notification_but_sends_no_email(smtp_server):
    asker = MemberFactory()
    set_email_preferences(user=asker, modes={"answer_mine": EmailMode.OFF})
    AnswerFactory(question=QuestionFactory(author=asker))
    run_worker()
    send_daily_summaries()
    run_worker()
    assert len(notes_for(asker)) == 1
    assert smtp_server.messages_to(asker.email) == []


def test_verified_experts_hear_of_new_questions_in_their_topic(smtp_server):
    sleep = TopicFactory(name="Sleep", slug="sleep")
    expert = ExpertFactory(area="Sleep")
    unverified = ExpertFactory(area="Sleep", verified=False)
    other_area = ExpertFactory(area="Nutrition")
    question = QuestionFactory(title="Night waking at 18 months", topics=[sleep])
    run_worker()
    assert notes_for(expert) == ["New question in Sleep: “Night waking at 18 months”"]
    assert Notification.objects.get(recipient=expert).url == question.get_absolute_url()
    assert notes_for(unverified) == notes_for(other_area) == []
    send_daily_summaries()
    run_worker()
    [summary] = smtp_server.messages_to(expert.email)
    assert "Night waking at 18 months" in text_of(summary)


def test_an_expert_asking_in_their_own_topic_is_not_told_of_it(smtp_server):
    sleep = TopicFactory(name="Sleep", slug="sleep")
    expert = ExpertFactory(area="Sleep")
    QuestionFactory(author=expert, topics=[sleep])
    run_worker()
    assert notes_for(expert) == []


def test_a_moderator_action_notifies_and_emails_once_however_often_it_is_announced(smtp_server):
    member = MemberFactory()
    for _ in range(2):
        notify_moderation_action(
            user_id=member.pk,
            message="A moderator hid your answer: it shared a child's full name.",
            url="/questions/1/x/#answer-3",
            key="moderation:action:7",
        )
    run_worker()
    assert notes_for(member) == ["A moderator hid your answer: it shared a child's full name."]
    [email] = smtp_server.messages_to(member.email)
    assert "hid your answer" in text_of(email)


def test_an_announcement_task_that_runs_twice_sends_one_email(smtp_server):
    asker = MemberFactory()
    answer = AnswerFactory(question=QuestionFactory(author=asker))
    run_worker()
    announce_answer.enqueue(answer.pk)
    announce_answer.enqueue(answer.pk)
    run_worker()
    assert len(smtp_server.messages_to(asker.email)) == 1
    assert Notification.objects.filter(recipient=asker).get().count == 1


def test_the_daily_summary_goes_once_a_day_and_only_with_something_new(smtp_server):
    question = QuestionFactory()
    follower = MemberFactory()
    services.follow_question(follower, question)
    AnswerFactory(question=question)
    run_worker()
    assert send_daily_summaries() == 1
    assert send_daily_summaries() == 0
    AnswerFactory(question=question)
    run_worker()
    send_daily_summaries()  # the follower already had today's: this answer waits
    run_worker()
    assert len(smtp_server.messages_to(follower.email)) == 1
    waiting = NotificationEvent.objects.filter(recipient=follower, summary_batch="")
    assert waiting.count() == 1


def test_a_failing_smtp_server_delays_the_email_but_never_loses_it(smtp_server, settings):
    settings.EMAIL_RETRY_BASE_SECONDS = 1
    asker = MemberFactory()
    smtp_server.stop()
    AnswerFactory(question=QuestionFactory(author=asker))
    run_worker()
    assert smtp_server.messages_to(asker.email) == []
    smtp_server.start()
    time.sleep(1.1)
    run_worker()
    assert len(smtp_server.messages_to(asker.email)) == 1
