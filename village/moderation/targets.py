"""What can be flagged and moderated: a question, an answer, a reply or a member.

Flags and audit-log lines point at one of them through one nullable key per kind; these
functions turn a thing into that key, a label and a link, so the rest needn't care which.
"""

from django.http import Http404

from village.accounts.models import User
from village.questions.models import Answer, Question, Reply

Target = Question | Answer | Reply | User

MODELS = {"question": Question, "answer": Answer, "reply": Reply, "member": User}


def kind_of(target: Target) -> str:
    for kind, model in MODELS.items():
        if isinstance(target, model):
            return kind
    raise TypeError(f"Not something that can be moderated: {target!r}")


def key_of(target: Target) -> dict:
    """The keyword arguments that find flags and actions about this thing."""
    return {kind_of(target): target}


def author_of(target: Target) -> User:
    """Whose it is: the writer of a post, or the member themself."""
    return target if isinstance(target, User) else target.author


def label_of(target: Target) -> str:
    kind = kind_of(target)
    if kind == "member":
        return f"Member {target.profile.display_name} (#{target.pk})"
    if kind == "question":
        return f"Question #{target.pk}: {target.title}"[:200]
    return f"{kind.capitalize()} #{target.pk} by {target.author.profile.display_name}"[:200]


def find_target(kind: str, pk: int) -> Target:
    """The thing, with what its page and label need, or 404."""
    related = {
        "question": ["author__profile"],
        "answer": ["author__profile", "question"],
        "reply": ["author__profile", "answer__question"],
        "member": ["profile"],
    }
    if kind not in MODELS:
        raise Http404("Nothing of that kind to moderate.")
    found = MODELS[kind].objects.select_related(*related[kind]).filter(pk=pk).first()
    if found is None:
        raise Http404("No such thing to moderate.")
    return found


def is_hidden(target: Target) -> bool:
    if isinstance(target, Question):
        return target.status == Question.Status.HIDDEN
    if isinstance(target, Answer | Reply):
        return target.hidden_at is not None
    return False
