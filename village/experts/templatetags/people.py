"""The author card: avatar, name, role badge, headline and place, as question pages show them."""

from django import template

from village.experts.badges import expert_profile_of, role_badge

register = template.Library()

AVATAR_HUES = 12


@register.inclusion_tag("people/_author_card.html")
def author_card(user, anonymous=False, size="md"):
    if anonymous:
        return {"anonymous": True, "size": size}
    profile = user.profile
    expert = expert_profile_of(user)
    return {
        "anonymous": False,
        "size": size,
        "profile": profile,
        "badge": role_badge(user),
        "expert_label": expert.label if expert and expert.verified else "",
        "hue": profile.avatar_hue % AVATAR_HUES,
    }
