from django import template
from django.utils.safestring import mark_safe

from village.search.results import related_questions as find_related
from village.search.structured_data import as_script_json, qapage

register = template.Library()


@register.simple_tag
def related_questions(question):
    """Up to five questions like this one, for the question page's sidebar."""
    return find_related(question)


@register.simple_tag(takes_context=True)
def qapage_jsonld(context, page):
    """<script type="application/ld+json"> with the page's question and answers (data only)."""
    request = context["request"]
    data = as_script_json(qapage(page, request.build_absolute_uri))
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308
