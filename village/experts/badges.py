"""How a person is labelled beside what they write: role badge and expert status."""

from django.core.exceptions import ObjectDoesNotExist

from village.accounts.models import Profile
from village.experts.models import ExpertProfile


def expert_profile_of(user) -> ExpertProfile | None:
    """The person's expert profile, or None; uses the select_related cache when loaded."""
    try:
        return user.expert_profile
    except ObjectDoesNotExist:
        return None


def is_verified_expert(user) -> bool:
    expert = expert_profile_of(user)
    return bool(expert and expert.verified)


def role_badge(user) -> str:
    """The badge beside a name: a team role first, then 'Expert' once verified; parents get none."""
    profile: Profile = user.profile
    if profile.role != Profile.Role.MEMBER:
        return profile.get_role_display()
    if is_verified_expert(user):
        return "Expert"
    return ""
