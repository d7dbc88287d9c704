"""Reads shared by the pages (and later the API): each returns everything a page needs in a
fixed, small number of queries, whatever the number of answers and replies."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from village.experts.badges import is_verified_expert
from village.questions.models import Answer, Question, Reply
from village.questions.permissions import can_see_question
from village.questions.wording import answered_line
from village.topics.models import Topic

PEOPLE = ("author__profile", "author__expert_profile")


def get_question_for_user(user, pk: int) -> Question:
    """The question with its author, or 404 when it doesn't exist or this person may not see it."""
    question = (
        Question.objects.select_related(*PEOPLE)
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .filter(pk=pk)
        .first()
    )
    if question is None or not can_see_question(user, question):
        raise Http404("No such question.")
    return question


@dataclass
class ReplyNode:
    reply: Reply
    children: list["ReplyNode"] = field(default_factory=list)


@dataclass
class AnswerView:
    answer: Answer
    by_expert: bool
    replies: list[ReplyNode]


@dataclass
class QuestionPage:
    question: Question
    answers: list[AnswerView]
    expert_count: int
    parent_count: int

    @property
    def answered_line(self) -> str:
        return answered_line(self.expert_count, self.parent_count)


def _reply_trees(replies) -> dict[int, list[ReplyNode]]:
    """Group replies (oldest first) into one tree per answer."""
    nodes = {reply.pk: ReplyNode(reply) for reply in replies}
    roots: dict[int, list[ReplyNode]] = {}
    for node in nodes.values():
        parent = nodes.get(node.reply.parent_id) if node.reply.parent_id else None
        if parent is not None:
            parent.children.append(node)
        else:
            roots.setdefault(node.reply.answer_id, []).append(node)
    return roots


def question_page(question: Question) -> QuestionPage:
    """The answers, most helpful first then oldest, each with its reply thread: two queries."""
    answers = list(
        Answer.objects.filter(question=question)
        .select_related(*PEOPLE)
        .order_by("-helpful_count", "created_at", "pk")
    )
    replies = (
        Reply.objects.filter(answer__question=question)
        .select_related(*PEOPLE)
        .order_by("created_at", "pk")
    )
    for answer in answers:
        answer.question = question  # links and share URLs need it; don't fetch it 60 times
    trees = _reply_trees(replies) if any(a.reply_count for a in answers) else {}
    views = [
        AnswerView(answer=a, by_expert=is_verified_expert(a.author), replies=trees.get(a.pk, []))
        for a in answers
    ]
    experts = sum(1 for v in views if v.by_expert)
    return QuestionPage(
        question=question,
        answers=views,
        expert_count=experts,
        parent_count=len(views) - experts,
    )


def question_list(queryset=None):
    """Published questions newest first, with author, topics and expert/parent answer counts."""
    queryset = Question.objects.all() if queryset is None else queryset
    expert_answer = Q(answers__author__expert_profile__verified=True)
    return (
        queryset.filter(status=Question.Status.PUBLISHED)
        .select_related(*PEOPLE)
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .annotate(
            answer_total=Count("answers", distinct=True),
            expert_answers=Count("answers", filter=expert_answer, distinct=True),
        )
        .order_by("-created_at", "-pk")
    )
