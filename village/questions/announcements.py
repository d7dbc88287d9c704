"""Who hears about a new answer, reply, helpful vote or question, and in what words.

The words name the question, never the person who acted: notifications and emails are kept
in other people's rows, and a member who deletes their account must leave no trace there.

The tasks in tasks.py call these with ids after the write has committed; the notifications
app does the telling (in-site, email per preference) and makes a repeat a no-op.
"""

from django.db.models import Q

from village.experts.models import ExpertProfile
from village.notifications.models import Notification
from village.notifications.services import announce, announce_to
from village.questions.models import Answer, Question, QuestionFollow, Reply

# The helpful-vote counts worth telling an author about.
HELPFUL_MILESTONES = (1, 5, 10, 25, 50, 100, 250, 500, 1000)


def _quoted(title: str) -> str:
    return f"“{title[:120]}”"


def announce_answer(answer_id: int) -> int:
    """The asker and the question's followers hear of a new answer (the answerer doesn't)."""
    answer = (
        Answer.objects.select_related("question")
        .filter(pk=answer_id, deleted_at__isnull=True)
        .first()
    )
    if answer is None or answer.question.status != Question.Status.PUBLISHED:
        return 0
    question = answer.question
    title = _quoted(question.title)
    told = 0
    told += announce(
        recipient_id=question.author_id,
        actor_id=answer.author_id,
        kind=Notification.Kind.ANSWER_TO_MY_QUESTION,
        key=f"answer:{answer.pk}",
        group_key=f"question:{question.pk}",
        message=f"New answer on your question {title}",
        collapsed_message=f"{{count}} new answers on your question {title}",
        url=answer.get_absolute_url(),
    )
    followers = (
        QuestionFollow.objects.filter(question=question)
        .exclude(user_id__in=[question.author_id, answer.author_id])
        .values_list("user_id", flat=True)
    )
    told += announce_to(
        recipient_ids=followers,
        actor_id=answer.author_id,
        kind=Notification.Kind.ANSWER_TO_FOLLOWED,
        key=f"answer:{answer.pk}",
        group_key=f"question:{question.pk}",
        message=f"New answer on {title}",
        collapsed_message=f"{{count}} new answers on {title}",
        url=answer.get_absolute_url(),
    )
    return told


def announce_reply(reply_id: int) -> int:
    """The answer's author and the author of the reply replied to hear of it."""
    reply = (
        Reply.objects.select_related("answer__question", "parent")
        .filter(pk=reply_id, deleted_at__isnull=True)
        .first()
    )
    if reply is None:
        return 0
    answer = reply.answer
    title = _quoted(answer.question.title)
    told = 0
    recipients = {answer.author_id: f"New reply to your answer on {title}"}
    if reply.parent is not None and reply.parent.author_id not in recipients:
        recipients[reply.parent.author_id] = f"New reply to you on {title}"
    for user_id, message in recipients.items():
        told += announce(
            recipient_id=user_id,
            actor_id=reply.author_id,
            kind=Notification.Kind.REPLY,
            key=f"reply:{reply.pk}",
            group_key=f"answer:{answer.pk}",
            message=message,
            collapsed_message=f"{{count}} new replies to you on {title}",
            url=reply.get_absolute_url(),
        )
    return told


def announce_helpful(answer_id: int, voter_id: int) -> int:
    """The answer's author hears of the first helpful vote and of each milestone after it."""
    answer = Answer.objects.select_related("question").filter(pk=answer_id).first()
    if answer is None or answer.helpful_count < 1:
        return 0
    reached = max(m for m in HELPFUL_MILESTONES if m <= answer.helpful_count)
    title = _quoted(answer.question.title)
    if reached == 1:
        message = f"Someone found your answer on {title} helpful"
    else:
        message = f"{reached} people have found your answer on {title} helpful"
    return announce(
        recipient_id=answer.author_id,
        actor_id=voter_id,
        kind=Notification.Kind.HELPFUL,
        key=f"helpful:{answer.pk}:{reached}",
        group_key=f"helpful:{answer.pk}",
        message=message,
        url=answer.get_absolute_url(),
    )


def announce_question(question_id: int) -> int:
    """Verified experts whose area is one of the question's topics hear of a new question."""
    question = (
        Question.objects.prefetch_related("topics")
        .filter(pk=question_id, status=Question.Status.PUBLISHED)
        .first()
    )
    if question is None:
        return 0
    told = 0
    for topic in question.topics.all():
        experts = ExpertProfile.objects.filter(
            Q(area__iexact=topic.name) | Q(area__iexact=topic.slug), verified=True
        ).values_list("user_id", flat=True)
        told += announce_to(
            recipient_ids=experts,
            actor_id=question.author_id,
            kind=Notification.Kind.EXPERT_QUESTION,
            key=f"question:{question.pk}",
            group_key=f"expert-topic:{topic.pk}",
            message=f"New question in {topic.name}: {_quoted(question.title)}",
            collapsed_message=f"{{count}} new questions in {topic.name} await an expert",
            url=question.get_absolute_url(),
        )
    return told
