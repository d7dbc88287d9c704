from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from tests.factories import MemberFactory, QuestionFactory
from village.accounts.models import User
from village.accounts.permissions import can_post, check_can_post
from village.questions import services

pytestmark = pytest.mark.django_db


def test_a_confirmed_member_can_post():
    assert can_post(MemberFactory()) is True


def test_an_unconfirmed_member_can_read_but_not_answer():
    member = MemberFactory(email_verified=False)
    assert can_post(member) is False
    with pytest.raises(PermissionDenied, match="confirm your email"):
        services.post_answer(author=member, question=QuestionFactory(), body="x", kind="opinion")


def test_a_suspended_member_cannot_post_until_the_suspension_ends():
    member = MemberFactory()
    member.profile.suspended_until = timezone.now() + timedelta(days=3)
    member.profile.save()
    with pytest.raises(PermissionDenied, match="suspended"):
        check_can_post(member)
    member.profile.suspended_until = timezone.now() - timedelta(seconds=1)
    member.profile.save()
    assert can_post(member) is True


def test_visitors_are_asked_to_sign_in():
    with pytest.raises(PermissionDenied, match="sign in"):
        check_can_post(AnonymousUser())


def test_createsuperuser_makes_an_admin_who_can_use_the_site(client):
    call_command("createsuperuser", email="boss@example.org", interactive=False, verbosity=0)
    boss = User.objects.get(email="boss@example.org")
    assert boss.profile.role == "admin"
    assert can_post(boss)
    client.force_login(boss)
    assert client.get("/").status_code == 200
