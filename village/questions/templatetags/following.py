from django import template

from village.questions.following import is_following_question

register = template.Library()


@register.simple_tag(takes_context=True)
def follows_question(context, question) -> bool:
    """Whether the person reading follows this question (one query, none for a visitor)."""
    return is_following_question(context["request"].user, question)
