import pytest

from tests.factories import MemberFactory
from village.accounts.services import set_role

pytestmark = pytest.mark.django_db


def test_a_moderator_manages_topics_and_expertise_areas_in_the_admin(client):
    member = MemberFactory()
    set_role(member, "moderator")
    client.force_login(member)
    assert client.get("/admin/topics/topic/add/").status_code == 200
    assert client.get("/admin/experts/expertisearea/add/").status_code == 200
    response = client.post(
        "/admin/topics/topic/add/",
        {"name": "Money", "slug": "money", "description": "Pocket money and saving."},
    )
    assert response.status_code == 302
    # ... but not people's accounts or roles.
    assert client.get("/admin/accounts/user/").status_code == 403


def test_a_member_who_stops_being_a_moderator_loses_admin_access(client):
    member = MemberFactory()
    set_role(member, "moderator")
    set_role(member, "member")
    member.refresh_from_db()
    assert (member.is_staff, member.groups.count()) == (False, 0)
    client.force_login(member)
    assert client.get("/admin/topics/topic/add/").status_code == 302  # to the admin sign-in


def test_admins_can_grant_roles_in_the_admin(client):
    admin = MemberFactory(role="admin")
    client.force_login(admin)
    assert client.get(f"/admin/accounts/user/{admin.pk}/change/").status_code == 200
