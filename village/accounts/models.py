"""People: the account they sign in with and the profile others see."""

import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        """`manage.py createsuperuser`: an admin with a profile and a confirmed address."""
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        user = self._create_user(email, password, **extra_fields)
        Profile.objects.create(
            user=user, display_name=user.email.split("@")[0], role=Profile.Role.ADMIN
        )
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    """An account. People sign in with their email address; there is no username."""

    email = models.EmailField("email address", unique=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="Can sign in to the Django admin site.")
    date_joined = models.DateTimeField(default=timezone.now)
    session_token = models.CharField(
        max_length=64,
        blank=True,
        default="",
        editable=False,
        help_text="Part of every session's check; a new value signs the person out everywhere.",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    def __str__(self) -> str:
        return self.email

    # Django keeps an HMAC of the password in each session and compares it on every request,
    # so a new password ends every other session. Mixing in session_token does the same for
    # "Sign out everywhere", whichever session engine keeps the sessions (database, or Redis
    # in front of it). Until someone first signs out everywhere the token is empty and the
    # hash is Django's own, so existing sessions stay valid.
    def get_session_auth_hash(self):
        return self._village_session_hash(secret=None)

    def get_session_auth_fallback_hash(self):
        for fallback_secret in settings.SECRET_KEY_FALLBACKS:
            yield self._village_session_hash(secret=fallback_secret)

    def _village_session_hash(self, secret=None) -> str:
        if not self.session_token:
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac(
            "village.accounts.models.User.get_session_auth_hash",
            f"{self.password}:{self.session_token}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def rotate_session_token(self) -> None:
        """Invalidate every session this person has (the caller saves the user)."""
        self.session_token = secrets.token_urlsafe(32)


class Profile(models.Model):
    """What others see of a person: name, headline, place, and their role on Village."""

    class Role(models.TextChoices):
        MEMBER = "member", "Parent"
        STAFF_WRITER = "staff_writer", "Staff writer"
        MODERATOR = "moderator", "Moderator"
        ADMIN = "admin", "Admin"

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(max_length=80)
    headline = models.CharField(
        max_length=120, blank=True, help_text="A line about you, e.g. 'Primary teacher, dad of 3'."
    )
    city = models.CharField(max_length=80, blank=True)
    country = models.CharField(
        max_length=2, blank=True, help_text="Two-letter country code, e.g. GB."
    )
    bio = models.TextField(blank=True, max_length=2000)
    avatar = models.ImageField(
        upload_to="avatars/", blank=True, help_text="256×256 WebP, made from the upload."
    )
    avatar_small = models.ImageField(upload_to="avatars/", blank=True, help_text="64×64 WebP.")
    suspended_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="While set and in the future, the member can read but not post or vote.",
    )
    role = models.CharField(
        max_length=20,
        choices=Role.choices,
        default=Role.MEMBER,
        help_text="Team roles are granted by an admin; experts are verified separately.",
    )

    def __str__(self) -> str:
        return self.display_name

    @property
    def location(self) -> str:
        return ", ".join(part for part in (self.city, self.country) if part)

    @property
    def initials(self) -> str:
        words = [w for w in self.display_name.split() if w[:1].isalnum()]
        if not words:
            return "?"
        letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
        return letters.upper()

    @property
    def avatar_hue(self) -> int:
        """A stable colour for the initials avatar, so each person is recognisable."""
        digest = hashlib.blake2s(self.display_name.encode(), digest_size=2).digest()
        return int.from_bytes(digest, "big") % 360

    @property
    def is_team(self) -> bool:
        return self.role in (self.Role.STAFF_WRITER, self.Role.MODERATOR, self.Role.ADMIN)
