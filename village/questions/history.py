"""Edit history: the versions of a post and the words each edit changed."""

import re
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher

from village.questions.models import Answer, Question, Reply, Revision

# Words with the spaces after them, so a diff of them puts the text back together exactly.
_TOKENS = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class Segment:
    """A run of text an edit kept ("same"), removed ("removed") or added ("added")."""

    change: str
    text: str


@dataclass
class Edit:
    editor: object
    at: datetime
    title: list[Segment]
    body: list[Segment]

    @property
    def title_changed(self) -> bool:
        return any(s.change != "same" for s in self.title)

    @property
    def body_changed(self) -> bool:
        return any(s.change != "same" for s in self.body)


def word_diff(before: str, after: str) -> list[Segment]:
    """The words removed and added between two texts, in reading order."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    segments: list[Segment] = []
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("removed", "".join(old[i1:i2])))
        if j2 > j1:
            segments.append(Segment("added", "".join(new[j1:j2])))
    return segments


def revisions_of(post: Question | Answer | Reply):
    field = {Question: "question", Answer: "answer", Reply: "reply"}[type(post)]
    return (
        Revision.objects.filter(**{field: post})
        .select_related("editor__profile")
        .order_by("created_at", "pk")
    )


def edits_of(post: Question | Answer | Reply) -> list[Edit]:
    """Every edit of the post, newest first, each with the words it changed."""
    revisions = list(revisions_of(post))
    has_title = isinstance(post, Question)
    # Version n is the text before revision n; the last version is what the post says now.
    versions = [(r.title, r.body) for r in revisions] + [
        (post.title if has_title else "", post.body)
    ]
    edits = []
    for n, revision in enumerate(revisions):
        (old_title, old_body), (new_title, new_body) = versions[n], versions[n + 1]
        edits.append(
            Edit(
                editor=revision.editor,
                at=revision.created_at,
                title=word_diff(old_title, new_title) if has_title else [],
                body=word_diff(old_body, new_body),
            )
        )
    edits.reverse()
    return edits
