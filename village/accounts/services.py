"""Writes to accounts and profiles."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from village.accounts.avatars import process_avatar
from village.accounts.models import Profile, User


def create_member(
    *,
    email: str,
    display_name: str,
    password: str | None = None,
    headline: str = "",
    city: str = "",
    country: str = "",
    bio: str = "",
    role: str = Profile.Role.MEMBER,
    date_joined=None,
    email_verified: bool = False,
) -> User:
    """Create an account with its public profile in one step, so no user lacks a profile."""
    extra = {"date_joined": date_joined} if date_joined else {}
    with transaction.atomic():
        user = User.objects.create_user(email=email, password=password, **extra)
        if password is None:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Profile.objects.create(
            user=user,
            display_name=display_name.strip(),
            headline=headline,
            city=city,
            country=country.upper(),
            bio=bio,
            role=role,
        )
        EmailAddress.objects.create(
            user=user, email=user.email, primary=True, verified=email_verified
        )
        if role != Profile.Role.MEMBER:
            sync_staff_access(user)
    return user


def update_profile(
    user: User,
    *,
    display_name: str,
    headline: str = "",
    city: str = "",
    country: str = "",
    bio: str = "",
    avatar_upload=None,
    remove_avatar: bool = False,
) -> Profile:
    """Change what others see; a new avatar replaces (and deletes) the old files."""
    files = process_avatar(avatar_upload) if avatar_upload else None
    profile = user.profile
    profile.display_name = display_name.strip()
    profile.headline = headline.strip()
    profile.city = city.strip()
    profile.country = country.strip().upper()
    profile.bio = bio.strip()
    old = [f for f in (profile.avatar, profile.avatar_small) if f]
    if files or remove_avatar:
        profile.avatar = files["large"] if files else ""
        profile.avatar_small = files["small"] if files else ""
    with transaction.atomic():
        profile.save()
    if files or remove_avatar:
        for field_file in old:
            field_file.storage.delete(field_file.name)
    return profile


# What the moderator role may change in the Django admin: the topic list and the list of
# expertise areas (applications themselves are decided on the site, with a reason).
MODERATOR_PERMISSIONS = [
    "view_topic",
    "add_topic",
    "change_topic",
    "view_expertisearea",
    "add_expertisearea",
    "change_expertisearea",
    "view_expertapplication",
]


def set_role(user: User, role: str) -> None:
    """Give someone a role, with the admin access that goes with it (and nothing more)."""
    profile = user.profile
    profile.role = role
    profile.save(update_fields=["role"])
    sync_staff_access(user)


def sync_staff_access(user: User) -> None:
    """Moderators use the admin for topics and areas; admins have all of it; others none."""
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    if not moderators.permissions.exists():
        moderators.permissions.set(Permission.objects.filter(codename__in=MODERATOR_PERMISSIONS))
    role = user.profile.role
    team = role in (Profile.Role.MODERATOR, Profile.Role.ADMIN)
    user.is_staff = team or user.is_superuser
    if role == Profile.Role.ADMIN:
        user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    if team:
        user.groups.add(moderators)
    else:
        user.groups.remove(moderators)


def sign_out_everywhere(user: User) -> None:
    """End every session the person has, on every device, whichever engine keeps sessions.

    A new session token changes the hash Django checks on every request, so each old session
    is refused (and flushed) the next time it is used.
    """
    user.rotate_session_token()
    user.save(update_fields=["session_token"])
