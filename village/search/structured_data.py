"""schema.org QAPage data for a question page, so search engines can show its answers."""

import html
import json

from django.utils.html import strip_tags

from village.questions.queries import QuestionPage

ANONYMOUS = "Anonymous parent"
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _plain(markup: str) -> str:
    return " ".join(html.unescape(strip_tags(markup)).split())


def _person(user, anonymous: bool = False) -> dict:
    return {"@type": "Person", "name": ANONYMOUS if anonymous else user.profile.display_name}


def qapage(page: QuestionPage, absolute) -> dict:
    """The QAPage for a question page; `absolute(path)` makes a full URL."""
    question = page.question
    answers = [
        view.answer
        for view in page.answers
        if view.answer.deleted_at is None and view.answer.hidden_at is None
    ]
    url = absolute(question.get_absolute_url())
    return {
        "@context": "https://schema.org",
        "@type": "QAPage",
        "mainEntity": {
            "@type": "Question",
            "name": question.title,
            "text": _plain(question.body_html) or question.title,
            "answerCount": len(answers),
            "dateCreated": question.created_at.isoformat(),
            "author": _person(question.author, anonymous=question.is_anonymous),
            "url": url,
            "suggestedAnswer": [
                {
                    "@type": "Answer",
                    "text": _plain(answer.body_html),
                    "dateCreated": answer.created_at.isoformat(),
                    "upvoteCount": answer.helpful_count,
                    "url": f"{url}#answer-{answer.pk}",
                    "author": _person(answer.author),
                }
                for answer in answers
            ],
        },
    }


def as_script_json(data: dict) -> str:
    """JSON safe to place inside a <script> element: no "</script>" can close it early."""
    return json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
