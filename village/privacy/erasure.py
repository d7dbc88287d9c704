"""Erasing a member: personal data goes; contributions go too, or stay as "a former member".

Anonymous questions never stay linked to the person: whatever the choice, they move to one
shared "former members" account, so nothing ties them to the person's other contributions.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from village.accounts.models import Profile, User
from village.common.models import OutboundEmail
from village.experts.models import ExpertApplication, ExpertProfile
from village.ip_addresses.models import AddressRecord
from village.notifications.models import DigestDelivery, DigestSubscription, Notification
from village.privacy.models import DataExport
from village.questions.models import (
    Answer,
    AnswerFeedback,
    HelpfulVote,
    Question,
    QuestionFollow,
    Reply,
    Revision,
)
from village.questions.visibility import questions_visibility_changed
from village.topics.models import TopicFollow

FORMER_MEMBER = "A former member"
FORMER_MEMBERS_EMAIL = "former-members@village.invalid"
ERASED_TEXT = "[deleted by its author]"


def former_members_account() -> User:
    """The one account anonymous questions of deleted members belong to."""
    user = User.objects.filter(email=FORMER_MEMBERS_EMAIL).first()
    if user is None:
        user = User.objects.create_user(email=FORMER_MEMBERS_EMAIL, password=None, is_active=False)
        Profile.objects.create(user=user, display_name=FORMER_MEMBER)
    return user


def _sessions_of(user) -> list[str]:
    keys = []
    for session in Session.objects.all().iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            keys.append(session.session_key)
    return keys


@transaction.atomic
def erase_member(user: User, *, keep_contributions: bool) -> None:
    now = timezone.now()
    shelter = former_members_account()

    anonymous = Question.objects.filter(author=user, is_anonymous=True)
    Revision.objects.filter(question__in=anonymous, editor=user).update(editor=shelter)
    anonymous.update(author=shelter)

    questions = Question.objects.filter(author=user)
    answers = Answer.objects.filter(author=user)
    replies = Reply.objects.filter(author=user)
    if not keep_contributions:
        Revision.objects.filter(editor=user).update(title="", body=ERASED_TEXT)
        questions.update(
            title=ERASED_TEXT,
            body="",
            body_html="",
            source_url="",
            source_title="",
            status=Question.Status.DELETED,
        )
        questions_visibility_changed()
        answers.update(body=ERASED_TEXT, body_html="", deleted_at=now)
        replies.update(body=ERASED_TEXT, body_html="", deleted_at=now)

    # Links between the person and other people's posts go; counts stay as they were.
    HelpfulVote.objects.filter(voter=user).delete()
    AnswerFeedback.objects.filter(user=user).update(user=None, visitor_key=f"erased:{user.pk}")
    QuestionFollow.objects.filter(user=user).delete()
    TopicFollow.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    DigestSubscription.objects.filter(email__iexact=user.email).delete()
    DigestDelivery.objects.filter(email__iexact=user.email).delete()
    ExpertApplication.objects.filter(applicant=user).delete()
    ExpertProfile.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    AddressRecord.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    OutboundEmail.objects.annotate(to_text=Cast("to", TextField())).filter(
        to_text__icontains=user.email
    ).delete()
    Session.objects.filter(session_key__in=_sessions_of(user)).delete()
    for export in DataExport.objects.filter(user=user):
        if export.archive:
            export.archive.storage.delete(export.archive.name)
        export.delete()

    profile = user.profile
    for image in (profile.avatar, profile.avatar_small):
        if image:
            image.storage.delete(image.name)
    profile.display_name = FORMER_MEMBER
    profile.headline = profile.city = profile.country = profile.bio = ""
    profile.avatar = profile.avatar_small = ""
    profile.save()

    user.email = f"former-member-{user.pk}@village.invalid"
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = user.is_superuser = False
    user.last_login = None
    user.save()
    user.groups.clear()
