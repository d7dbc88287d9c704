from django import template
from django.utils import timezone
from django.utils.html import format_html

from village.common.timeago import age

register = template.Library()


@register.simple_tag
def time_ago(moment):
    """<time> with the age as text and the exact date on hover."""
    local = timezone.localtime(moment)
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        local.isoformat(timespec="seconds"),
        local.strftime("%-d %B %Y, %H:%M"),
        age(moment),
    )
