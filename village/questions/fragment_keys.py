"""Cache keys for the pieces of a question page (see village/common/fragments.py).

A key is made of everything a piece shows and everything about the reader it depends on, so
two readers share a rendering only when they would see the same HTML, and any change to an
answer, its replies, their authors or the vote count makes a new key.
"""

from village.accounts.permissions import can_post
from village.common.fragments import fingerprint, row
from village.moderation.permissions import flag_reasons_for
from village.questions.permissions import is_moderator
from village.questions.queries import QuestionPage
from village.questions.views.access import posting_block

# Relations an answer or reply has loaded that its rendering doesn't show.
NOT_SHOWN = frozenset({"question", "answer", "parent"})


def viewer_of(user) -> tuple:
    """What about the reader changes how any answer looks to them (but not whose it is)."""
    signed_in = user.is_authenticated
    return (
        signed_in,
        can_post(user),
        posting_block(user),
        is_moderator(user),
        tuple(flag_reasons_for(user)) if signed_in else (),
    )


def set_fragment_keys(request, page: QuestionPage, open_thread: int | None) -> list[str]:
    """Give every answer on the page its `fragment_key`, and the page its `question_key` (the
    question itself) and `qapage_key` (the schema.org data in the head); returns all the keys,
    to fetch in one round trip."""
    user = request.user
    question = page.question
    question_row = row(question, related=False)
    shown_row = row(question, skip=NOT_SHOWN)  # with its author
    viewer = viewer_of(user)
    # The question as shown: its row with its author's, its topics, the share link's host,
    # and whether the reader asked it (edit links, an anonymous asker's note).
    page.question_key = fingerprint(
        "question",
        request.scheme,
        request.get_host(),
        shown_row,
        tuple(row(topic) for topic in question.topics.all()),
        viewer,
        user.is_authenticated and user.pk == question.author_id,
    )
    answer_rows = []
    for item in page.answers:
        answer = item.answer
        answer_row = row(answer, skip=NOT_SHOWN)
        answer_rows.append(answer_row)
        replies, authors = _thread_rows(item.replies)
        authors.add(answer.author_id)
        own = user.pk if user.is_authenticated and user.pk in authors else None
        item.fragment_key = fingerprint(
            question_row,
            answer_row,
            getattr(answer, "veiled", False),
            item.by_expert,
            item.voted,
            replies,
            viewer,
            own,
            open_thread == answer.pk,
        )
    page.qapage_key = fingerprint(
        "qapage",
        request.scheme,
        request.get_host(),
        shown_row,
        tuple(answer_rows),
    )
    return [item.fragment_key for item in page.answers] + [page.question_key, page.qapage_key]


def _thread_rows(nodes) -> tuple[tuple, set[int]]:
    authors: set[int] = set()
    rows = []
    for node in nodes:
        children, below = _thread_rows(node.children)
        authors |= below
        authors.add(node.reply.author_id)
        rows.append(
            (row(node.reply, skip=NOT_SHOWN), getattr(node.reply, "veiled", False), children)
        )
    return tuple(rows), authors
