import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import AnswerFactory, ExpertFactory, MemberFactory
from tests.mail import run_worker, text_of
from village.experts import services
from village.experts.models import ExpertApplication, ExpertiseArea
from village.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)

APPLICATION = {
    "headline": "Speech and language therapist, NHS",
    "credentials": "Registered with the professional body since 2014.",
    "evidence_url": "https://register.example.org/ab12345",
    "statement": "I'd love to help parents worried about late talking.",
}


@pytest.fixture
def area():
    # Transactional tests empty the tables between tests, data migrations included.
    return ExpertiseArea.objects.get_or_create(name="Speech and language")[0]


@pytest.fixture
def moderator():
    # With an authenticator app (TOTP): moderators can't review without one.
    return MemberFactory(display_name="Mo Derator", role="moderator", two_factor=True)


def apply(member, area):
    return services.apply_as_expert(applicant=member, area=area, **APPLICATION)


def test_a_member_applies_through_the_form_and_sees_it_pending(client, area):
    member = MemberFactory()
    client.force_login(member)
    response = client.post("/experts/apply/", {"area": area.pk, **APPLICATION}, follow=True)
    html = response.content.decode()
    assert "Your application is with our moderators." in html
    assert ExpertApplication.objects.get().status == "pending"


def test_the_form_explains_what_is_missing_and_keeps_the_rest(client, area):
    client.force_login(MemberFactory())
    response = client.post(
        "/experts/apply/", {"area": area.pk, **APPLICATION, "evidence_url": "not a link"}
    )
    html = response.content.decode()
    assert "Enter a valid URL." in html
    assert "Registered with the professional body since 2014." in html
    assert ExpertApplication.objects.count() == 0


def test_one_pending_application_at_a_time(area):
    member = MemberFactory()
    apply(member, area)
    with pytest.raises(ValidationError):
        apply(member, area)


def test_an_unconfirmed_member_cannot_apply(area):
    with pytest.raises(PermissionDenied):
        apply(MemberFactory(email_verified=False), area)


def test_approval_verifies_the_expert_and_tells_them_by_email_and_in_site(
    area, moderator, smtp_server
):
    member = MemberFactory(display_name="Tess Talker")
    application = apply(member, area)
    services.approve_application(
        reviewer=moderator, application=application, reason="Register entry checked."
    )
    member.refresh_from_db()
    assert member.expert_profile.verified is True
    assert member.expert_profile.label == "Speech and language expert"
    assert member.profile.headline == APPLICATION["headline"]
    [note] = Notification.objects.filter(recipient=member)
    assert note.message == "You're now a verified Speech and language expert on Village."
    run_worker()
    [message] = smtp_server.messages_to(member.email)
    assert message["Subject"] == "You are now a verified expert on Village"
    assert "Register entry checked." in text_of(message)
    assert "http://127.0.0.1:8000/experts/apply/" in text_of(message)


def test_rejection_needs_a_reason_and_tells_the_applicant(area, moderator, smtp_server):
    member = MemberFactory()
    application = apply(member, area)
    with pytest.raises(ValidationError):
        services.reject_application(reviewer=moderator, application=application, reason="  ")
    services.reject_application(
        reviewer=moderator, application=application, reason="The link didn't open."
    )
    assert not hasattr(member, "expert_profile") or not member.expert_profile.verified
    run_worker()
    [message] = smtp_server.messages_to(member.email)
    assert message["Subject"] == "About your Village expert application"


def test_a_non_moderator_cannot_approve_even_by_posting_directly(client, area):
    member, other = MemberFactory(), MemberFactory()
    application = apply(member, area)
    client.force_login(other)
    response = client.post(
        f"/experts/review/{application.pk}/", {"decision": "approve", "reason": "Looks fine"}
    )
    assert response.status_code == 403
    assert client.get("/experts/review/").status_code == 403
    application.refresh_from_db()
    assert application.status == "pending"


def test_nobody_reviews_their_own_application(area):
    moderator = MemberFactory(role="moderator")
    application = apply(moderator, area)
    with pytest.raises(PermissionDenied):
        services.approve_application(reviewer=moderator, application=application, reason="me")


def test_a_moderator_decides_from_the_review_queue(client, area, moderator):
    member = MemberFactory(display_name="Quinn Queue")
    application = apply(member, area)
    client.force_login(moderator)
    assert "Quinn Queue: Speech and language" in client.get("/experts/review/").content.decode()
    response = client.post(
        f"/experts/review/{application.pk}/",
        {"decision": "approve", "reason": "Checked the register."},
        follow=True,
    )
    assert "No applications are waiting." in response.content.decode()
    application.refresh_from_db()
    assert (application.status, application.reviewer) == ("approved", moderator)


def test_approval_brings_the_badge_and_label_and_revoking_removes_both(client, area, moderator):
    member = MemberFactory()
    answer = AnswerFactory(author=member)
    page = answer.question.get_absolute_url()
    assert "Expert answer" not in client.get(page).content.decode()
    services.approve_application(
        reviewer=moderator, application=apply(member, area), reason="Checked."
    )
    html = client.get(page).content.decode()
    assert "Expert answer" in html
    assert "Speech and language expert" in html
    services.revoke_expert(
        reviewer=moderator, expert=member.expert_profile, reason="Registration lapsed."
    )
    html = client.get(page).content.decode()
    assert "Expert answer" not in html
    assert "Speech and language expert" not in html


def test_only_moderators_revoke(area):
    expert = ExpertFactory()
    with pytest.raises(PermissionDenied):
        services.revoke_expert(reviewer=MemberFactory(), expert=expert.expert_profile, reason="x")


def test_a_moderator_removes_expert_status_from_the_profile_page(client, moderator):
    expert = ExpertFactory(area="Sleep")
    client.force_login(moderator)
    assert "Remove verified expert status" in client.get(f"/people/{expert.pk}/").content.decode()
    refused = client.post(f"/experts/revoke/{expert.pk}/", {"reason": ""}, follow=True)
    assert "Please give a reason." in refused.content.decode()
    client.post(f"/experts/revoke/{expert.pk}/", {"reason": "Registration lapsed."})
    expert.expert_profile.refresh_from_db()
    assert expert.expert_profile.verified is False


def test_members_cannot_remove_expert_status(client):
    expert = ExpertFactory()
    client.force_login(MemberFactory())
    assert client.post(f"/experts/revoke/{expert.pk}/", {"reason": "no"}).status_code == 403
    expert.expert_profile.refresh_from_db()
    assert expert.expert_profile.verified is True
