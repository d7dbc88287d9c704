"""Question pages, one module per thing a person does: read, ask, answer, reply, look back."""

from village.questions.views.answering import (
    answer,
    delete_answer,
    delete_question,
    edit_answer,
    helpful,
)
from village.questions.views.asking import ask, edit_question, preview, similar
from village.questions.views.feedback import answer_feedback
from village.questions.views.history import answer_history, question_history, reply_history
from village.questions.views.reading import home, question_detail
from village.questions.views.replying import delete_reply, edit_reply, reply

__all__ = [
    "answer",
    "answer_feedback",
    "answer_history",
    "ask",
    "delete_answer",
    "delete_question",
    "delete_reply",
    "edit_answer",
    "edit_question",
    "edit_reply",
    "helpful",
    "home",
    "preview",
    "question_detail",
    "question_history",
    "reply",
    "reply_history",
    "similar",
]
