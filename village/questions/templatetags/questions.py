from django import template

from village.questions.forms import KIND_HINTS
from village.questions.wording import answered_line

register = template.Library()


@register.simple_tag
def answered(experts: int, total: int) -> str:
    """The count line for a listing row, from its annotated expert and total answer counts."""
    return answered_line(experts, total - experts)


@register.simple_tag(takes_context=True)
def answer_url(context, answer) -> str:
    """The absolute link to one answer, for copying and sharing."""
    request = context["request"]
    return request.build_absolute_uri(f"{answer.question.get_absolute_url()}#answer-{answer.pk}")


@register.simple_tag(takes_context=True)
def question_url(context, question) -> str:
    """The absolute link to a question, for copying and sharing."""
    return context["request"].build_absolute_uri(question.get_absolute_url())


@register.filter
def kind_hint(kind: str) -> str:
    """The one-line hint beside an answer kind on the answer form."""
    return KIND_HINTS.get(kind, "")
