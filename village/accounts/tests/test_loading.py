"""The signed-in person is loaded by a prepared query: it must give what the ORM gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ExpertFactory, MemberFactory
from village.accounts.loading import load_signed_in
from village.accounts.models import User
from village.experts.models import ExpertProfile

pytestmark = pytest.mark.django_db


def columns(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_an_expert_comes_with_both_profiles_as_the_orm_gives_them():
    expert = ExpertFactory(display_name="Dr Amara Obi", area="Sleep")
    orm = User.objects.select_related("profile", "expert_profile").get(pk=expert.pk)
    with CaptureQueriesContext(connection) as queries:
        loaded = load_signed_in(str(expert.pk))
        assert columns(loaded) == columns(orm)
        assert columns(loaded.profile) == columns(orm.profile)
        assert columns(loaded.expert_profile) == columns(orm.expert_profile)
        assert loaded.profile.user is loaded
        assert loaded.expert_profile.verified is True
        assert loaded.last_login == orm.last_login and loaded.date_joined.tzinfo is not None
    assert len(queries) == 1
    assert loaded._state.adding is False and loaded._state.db == "default"


def test_a_member_without_an_expert_profile_reads_as_the_orm_says():
    member = MemberFactory()
    with CaptureQueriesContext(connection) as queries:
        loaded = load_signed_in(member.pk)
        assert loaded.profile.display_name == member.profile.display_name
        with pytest.raises(ExpertProfile.DoesNotExist):
            loaded.expert_profile  # noqa: B018
    assert len(queries) == 1


def test_nobody_for_a_missing_or_malformed_id():
    assert load_signed_in(987654) is None
    assert load_signed_in("not-a-number") is None


def test_saving_what_was_loaded_changes_only_what_was_changed():
    member = MemberFactory(display_name="Before")
    loaded = load_signed_in(member.pk)
    loaded.profile.display_name = "After"
    loaded.profile.save()
    loaded.save()
    fresh = User.objects.select_related("profile").get(pk=member.pk)
    assert fresh.profile.display_name == "After"
    assert columns(fresh) == columns(loaded)
