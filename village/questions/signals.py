"""A question page's version moves on whenever what it shows changes, so members (whose pages
are kept: common/pagecache.py) see a new answer, reply or helpful count the moment it lands.

Bulk loads (the importer, the generator) send no signals; nobody has a page of theirs kept yet.
"""

from django.db.models.signals import post_delete, post_save

from village.common.pagecache import move_on
from village.questions.models import Answer, HelpfulVote, Question, Reply


def question_version_key(question_id) -> str:
    return f"version:question:{question_id}"


def question_versions(kwargs) -> list[str]:
    """For cache_for_readers: the version a question page is kept under."""
    return [question_version_key(kwargs["pk"])]


def question_changed(question_id) -> None:
    if question_id is not None:
        move_on(question_version_key(question_id))


def _question_of_answer(answer_id, loaded=None):
    if loaded is not None:
        return loaded.question_id
    return Answer.objects.filter(pk=answer_id).values_list("question_id", flat=True).first()


def _on_question(sender, instance, **kwargs):
    question_changed(instance.pk)


def _on_answer(sender, instance, **kwargs):
    question_changed(instance.question_id)


def _on_reply_or_vote(sender, instance, **kwargs):
    loaded = instance._state.fields_cache.get("answer")
    question_changed(_question_of_answer(instance.answer_id, loaded))


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_on_question, sender=Question, dispatch_uid=f"village-q-{id(signal)}")
        signal.connect(_on_answer, sender=Answer, dispatch_uid=f"village-a-{id(signal)}")
        for model in (Reply, HelpfulVote):
            signal.connect(
                _on_reply_or_vote,
                sender=model,
                dispatch_uid=f"village-{model.__name__}-{id(signal)}",
            )
