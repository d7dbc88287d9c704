from django import template

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
