"""Reads shared by the pages (and later the API): each returns everything a page needs in a
fixed, small number of queries, whatever the number of answers and replies."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator

from village.common.prepared import Prepared
from village.experts.badges import is_verified_expert
from village.questions.models import Answer, AnswerFeedback, HelpfulVote, Question, Reply
from village.questions.permissions import can_see_hidden, can_see_question
from village.questions.wording import answered_line
from village.topics.models import Topic

PEOPLE = ("author__profile", "author__expert_profile")

# What listings count as an answer: what everyone can read (not deleted, not hidden).
LIVE_ANSWER = Q(answers__deleted_at__isnull=True, answers__hidden_at__isnull=True)


def get_question_for_user(
    user, pk: int, reader_key: str | None = None, with_tally: bool = False
) -> Question:
    """The question with its author and topics, or 404 when it doesn't exist or this person
    may not see it.

    With a reader_key, the question also carries `my_feedback` (True, False or None): that
    reader's answer to "did you find the answer?"; with_tally, `found_yes` and `found_no`,
    everyone's answers counted. Both come in the same query.
    """
    values = {"pk": pk}
    if reader_key is not None:
        values["reader_key"] = reader_key
    question = _QUESTIONS[reader_key is not None, with_tally].first(**values)
    if question is None or not can_see_question(user, question):
        raise Http404("No such question.")
    _set_topics(question, _TOPICS_OF.all(question=question.pk))
    return question


def _question_query(with_key: bool, with_tally: bool) -> Prepared:
    def build(pk, reader_key=None):
        questions = Question.objects.select_related(*PEOPLE).filter(pk=pk)
        if with_key:
            mine = AnswerFeedback.objects.filter(question=OuterRef("pk"), visitor_key=reader_key)
            questions = questions.annotate(my_feedback=Subquery(mine.values("found")[:1]))
        if with_tally:
            questions = questions.annotate(found_yes=_tally(True), found_no=_tally(False))
        return questions

    return Prepared(build, text=("reader_key",))


# Every question page reads these: compiled once (common/prepared.py).
_QUESTIONS = {
    (key, tally): _question_query(key, tally) for key in (False, True) for tally in (False, True)
}
_TOPICS_OF = Prepared(lambda question: Topic.objects.filter(questions=question).order_by("name"))


def _set_topics(question: Question, topics: list) -> None:
    """As prefetch_related("topics") leaves it: question.topics.all() is the list, no query."""
    cached = question.topics.all()
    cached._result_cache = topics
    cached._prefetch_done = True
    question._prefetched_objects_cache = {"topics": cached}


def _tally(found: bool):
    responses = (
        AnswerFeedback.objects.filter(question=OuterRef("pk"), found=found)
        .values("question")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(responses), Value(0))


def get_answer_for_user(user, pk: int) -> Answer:
    """The answer with its question, or 404 when either is out of this person's sight."""
    answer = Answer.objects.select_related(*PEOPLE, "question").filter(pk=pk).first()
    if answer is None or not can_see_question(user, answer.question):
        raise Http404("No such answer.")
    if answer.is_hidden and not can_see_hidden(user, answer):
        raise Http404("No such answer.")
    return answer


def get_reply_for_user(user, pk: int) -> Reply:
    """The reply with its answer and question, or 404 when out of this person's sight."""
    reply = Reply.objects.select_related(*PEOPLE, "answer__question").filter(pk=pk).first()
    if reply is None or not can_see_question(user, reply.answer.question):
        raise Http404("No such reply.")
    if reply.is_hidden and not can_see_hidden(user, reply):
        raise Http404("No such reply.")
    return reply


@dataclass
class ReplyNode:
    reply: Reply
    children: list["ReplyNode"] = field(default_factory=list)


@dataclass
class AnswerView:
    answer: Answer
    by_expert: bool
    replies: list[ReplyNode]
    voted: bool = False


@dataclass
class QuestionPage:
    question: Question
    answers: list[AnswerView]
    expert_count: int
    parent_count: int
    my_answer: Answer | None = None

    @property
    def answered_line(self) -> str:
        return answered_line(self.expert_count, self.parent_count)

    @cached_property
    def summary(self) -> str:
        """The page's description for search engines and link previews (three places in the
        head): the question's opening words, or how it is answered when it has no body."""
        question = self.question
        if question.body and not question.is_deleted:
            return Truncator(strip_tags(question.body_html)).chars(200)
        return self.answered_line


def _reply_trees(replies, user=None) -> dict[int, list[ReplyNode]]:
    """Group replies (oldest first) into one tree per answer.

    A deleted reply stays, as a notice, only while live replies hang beneath it; so does a
    hidden one, for everyone but its author and moderators (who see it marked `veiled` False).
    """
    replies = list(replies)
    for reply in replies:
        reply.veiled = reply.hidden_at is not None and not _sees_hidden(user, reply)
    nodes = {reply.pk: ReplyNode(reply) for reply in replies}
    roots: dict[int, list[ReplyNode]] = {}
    for node in nodes.values():
        parent = nodes.get(node.reply.parent_id) if node.reply.parent_id else None
        if parent is not None:
            parent.children.append(node)
        else:
            roots.setdefault(node.reply.answer_id, []).append(node)
    return {answer_id: _prune(trees) for answer_id, trees in roots.items()}


def _prune(nodes: list[ReplyNode]) -> list[ReplyNode]:
    kept = []
    for node in nodes:
        node.children = _prune(node.children)
        if node.children or (node.reply.deleted_at is None and not node.reply.veiled):
            kept.append(node)
    return kept


def _sees_hidden(user, post) -> bool:
    return user is not None and can_see_hidden(user, post)


def _replies_of(**filters):
    return Reply.objects.filter(**filters).select_related(*PEOPLE).order_by("created_at", "pk")


def _answers(question, user=None):
    answers = (
        Answer.objects.filter(question=question)
        .select_related(*PEOPLE)
        .order_by("-helpful_count", "created_at", "pk")
    )
    if user is not None:
        mine = HelpfulVote.objects.filter(answer=OuterRef("pk"), voter=user)
        answers = answers.annotate(voted=Exists(mine))
    return answers


_ANSWERS = Prepared(lambda question: _answers(question))
_MEMBERS_ANSWERS = Prepared(_answers)
_REPLIES = Prepared(lambda question: _replies_of(answer__question=question))


def question_page(question: Question, user=None) -> QuestionPage:
    """The answers, most helpful first then oldest, each with its reply thread: two queries.

    For a signed-in person each answer also says whether they found it helpful, in the same
    query. A deleted answer stays, as a notice, only while live replies hang beneath it.
    """
    signed_in = user is not None and user.is_authenticated
    if signed_in:
        answers = _MEMBERS_ANSWERS.all(question=question.pk, user=user.pk)
    else:
        answers = _ANSWERS.all(question=question.pk)
    for answer in answers:
        answer.question = question  # links and share URLs need it; don't fetch it 60 times
        answer.veiled = answer.hidden_at is not None and not _sees_hidden(user, answer)
    has_replies = any(a.reply_count for a in answers)
    trees = _reply_trees(_REPLIES.all(question=question.pk), user) if has_replies else {}
    views = [
        AnswerView(
            answer=a,
            by_expert=is_verified_expert(a.author),
            replies=trees.get(a.pk, []),
            voted=getattr(a, "voted", False),
        )
        for a in answers
        if (a.deleted_at is None and not a.veiled) or trees.get(a.pk)
    ]
    # The count line counts what everyone can read: hidden answers are left out even for
    # their author and moderators.
    live = [v for v in views if v.answer.deleted_at is None and v.answer.hidden_at is None]
    experts = sum(1 for v in live if v.by_expert)
    my_answer = None
    if signed_in:
        mine = (v.answer for v in views if v.answer.deleted_at is None)
        my_answer = next((a for a in mine if a.author_id == user.pk), None)
    return QuestionPage(
        question=question,
        answers=views,
        expert_count=experts,
        parent_count=len(live) - experts,
        my_answer=my_answer,
    )


def answer_thread(answer: Answer, user=None) -> list[ReplyNode]:
    """One answer's reply thread, for showing it again after a reply is posted in place."""
    return _reply_trees(_replies_of(answer=answer), user).get(answer.pk, [])


def feedback_tally(question: Question) -> dict[str, int]:
    """How many readers said they found the answer they were looking for, and how many not."""
    counts = AnswerFeedback.objects.filter(question=question).aggregate(
        yes=Count("pk", filter=Q(found=True)), no=Count("pk", filter=Q(found=False))
    )
    return {"yes": counts["yes"], "no": counts["no"]}


# Words too common to tell one question from another.
_COMMON_WORDS = (
    "a an and are as at be but by can do does for from has have how i if in is it its my "
    "me of on or our should so than that the their them there they this to was we what when "
    "where which who why will with would you your yours any about into just get got"
)
_STOPWORDS = frozenset(_COMMON_WORDS.split())
SIMILAR_LIMIT = 5


def _search_words(text: str) -> list[str]:
    # A question title is at most 200 characters: what is typed past that can't be one (and a
    # megabyte-long "word" is a LIKE pattern SQLite refuses).
    words = re.findall(r"[\w'-]+", text[:200].lower())
    unique = dict.fromkeys(w.strip("'-") for w in words)
    return [w for w in unique if len(w) >= 3 and w not in _STOPWORDS][:8]


def similar_questions(title: str, limit: int = SIMILAR_LIMIT) -> list[Question]:
    """Published questions whose titles share the most words with this one (a simple search)."""
    words = _search_words(title)
    if not words:
        return []
    score = sum(
        (Case(When(title__icontains=w, then=Value(1)), default=Value(0)) for w in words),
        start=Value(0),
    )
    matches = Q()
    for word in words:
        matches |= Q(title__icontains=word)
    return list(
        Question.objects.filter(matches, status=Question.Status.PUBLISHED)
        .annotate(score=score, answer_total=Count("answers", filter=LIVE_ANSWER, distinct=True))
        .order_by("-score", "-created_at", "-pk")[:limit]
    )


def question_list(queryset=None):
    """Published questions newest first, with author, topics and expert/parent answer counts."""
    queryset = Question.objects.all() if queryset is None else queryset
    expert_answer = LIVE_ANSWER & Q(answers__author__expert_profile__verified=True)
    return (
        queryset.filter(status=Question.Status.PUBLISHED)
        .select_related(*PEOPLE)
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .annotate(
            answer_total=Count("answers", filter=LIVE_ANSWER, distinct=True),
            expert_answers=Count("answers", filter=expert_answer, distinct=True),
        )
        .order_by("-created_at", "-pk")
    )
