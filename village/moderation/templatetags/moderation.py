"""The "Report" form beside posts and profiles: a small <details> that works without JS."""

from django import template

from village.moderation.permissions import flag_reasons_for

register = template.Library()


@register.inclusion_tag("moderation/_flag.html", takes_context=True)
def flag_form(context, kind: str, target, author_id: int | None = None):
    """Shown to signed-in members, never on their own posts or profile."""
    user = context.get("user")
    own = user is not None and user.is_authenticated and user.pk == author_id
    return {
        "show": user is not None and user.is_authenticated and not own,
        "kind": kind,
        "target": target,
        "reasons": flag_reasons_for(user) if user is not None and user.is_authenticated else [],
        "csrf_token": context.get("csrf_token"),
    }
