import pytest

from tests.factories import MemberFactory
from tests.two_factor import turn_on_two_factor
from village.accounts.services import set_role
from village.topics.models import Topic

pytestmark = pytest.mark.django_db


def test_a_moderator_manages_topics_and_expertise_areas_in_the_admin(client):
    member = MemberFactory()
    set_role(member, "moderator")
    turn_on_two_factor(member)
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


def test_the_admin_waits_until_a_new_moderator_has_two_factor_authentication(client):
    member = MemberFactory()
    set_role(member, "moderator")
    client.force_login(member)
    page = client.get("/admin/topics/topic/add/")
    assert page.status_code == 302
    assert page["Location"] == (
        "/accounts/two-factor/required/?next=%2Fadmin%2Ftopics%2Ftopic%2Fadd%2F"
    )
    write = client.post("/admin/topics/topic/add/", {"name": "Money", "slug": "money"})
    assert write.status_code == 403
    assert "Nothing has been changed" in write.content.decode()
    assert not Topic.objects.filter(slug="money").exists()


def test_an_admin_without_two_factor_cannot_change_roles(client):
    admin = MemberFactory(role="admin", two_factor=False)
    member = MemberFactory()
    client.force_login(admin)
    assert client.get(f"/admin/accounts/user/{member.pk}/change/").status_code == 302
    response = client.post(
        f"/admin/accounts/user/{member.pk}/change/",
        {"email": member.email, "is_active": "on", "is_staff": "on", "is_superuser": "on"},
    )
    assert response.status_code == 403
    member.refresh_from_db()
    assert (member.is_staff, member.is_superuser) == (False, False)


def test_the_admin_sign_in_form_hands_over_to_village_sign_in_and_its_code(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
