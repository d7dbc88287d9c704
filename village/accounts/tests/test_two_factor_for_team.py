"""Moderators and admins act only once two-factor authentication is on.

Without an authenticator app a moderator is shown why and where to set one up (pages), or
refused with a 403 and nothing changed (writes); with one, everything works. The set-up
itself goes through allauth's real pages, and signing in afterwards asks for a code.
"""

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import AnswerFactory, ExpertFactory, MemberFactory
from tests.two_factor import code
from village.accounts.permissions import TwoFactorRequired
from village.experts import services as experts
from village.experts.models import ExpertApplication, ExpertiseArea
from village.moderation import services as moderation
from village.moderation.models import ModerationAction

pytestmark = pytest.mark.django_db

PASSWORD = "quiet-harbour-lantern-42"
EXPLAINED = "/accounts/two-factor/required/"


@pytest.fixture
def answer():
    return AnswerFactory(body="Try a shared family calendar on the fridge.")


@pytest.fixture
def application():
    area = ExpertiseArea.objects.get_or_create(name="Sleep")[0]
    return experts.apply_as_expert(
        applicant=MemberFactory(display_name="Pat Applicant"),
        area=area,
        headline="Sleep consultant",
        credentials="Ten years with families.",
        evidence_url="https://register.example.org/sleep",
        statement="Happy to help.",
    )


@pytest.fixture
def unprotected(client):
    """A moderator who has not set up an authenticator app yet, signed in."""
    moderator = MemberFactory(
        display_name="Nell New", role="moderator", password=PASSWORD, two_factor=False
    )
    client.force_login(moderator)
    return moderator


@pytest.mark.parametrize(
    "path",
    ["/moderation/", "/moderation/log/", "/experts/review/", "/admin/", "/admin/topics/topic/"],
)
def test_pages_send_a_moderator_without_two_factor_to_the_explanation(client, unprotected, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{EXPLAINED}?next=")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Please turn on two-factor authentication first" in html
    assert 'href="/accounts/2fa/totp/activate/"' in html
    assert f'href="{path}"' in html  # the way back


def test_a_hide_is_refused_and_nothing_changes(client, unprotected, answer):
    response = client.post(
        f"/moderation/act/answer/{answer.pk}/", {"action": "hide", "reason": "Rude."}
    )
    assert response.status_code == 403
    assert "Nothing has been changed" in response.content.decode()
    answer.refresh_from_db()
    assert answer.hidden_at is None
    assert not ModerationAction.objects.exists()


def test_a_moderator_edit_is_refused_and_the_text_stays(client, unprotected, answer):
    response = client.post(
        f"/moderation/edit/answer/{answer.pk}/", {"body": "Changed!", "reason": "Tidy."}
    )
    assert response.status_code == 403
    answer.refresh_from_db()
    assert answer.body == "Try a shared family calendar on the fridge."


def test_an_expert_decision_is_refused_and_the_application_waits(client, unprotected, application):
    page = client.get(f"/experts/review/{application.pk}/")
    assert page.status_code == 302 and page["Location"].startswith(EXPLAINED)
    response = client.post(
        f"/experts/review/{application.pk}/", {"decision": "approve", "reason": "Fine."}
    )
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.PENDING


def test_revoking_an_expert_is_refused(client, unprotected):
    expert = ExpertFactory(area="Sleep")
    response = client.post(f"/experts/revoke/{expert.pk}/", {"reason": "Lapsed."})
    assert response.status_code == 403
    expert.expert_profile.refresh_from_db()
    assert expert.expert_profile.verified is True


def test_the_services_refuse_too_whoever_calls_them(unprotected, answer, application):
    with pytest.raises(TwoFactorRequired):
        moderation.hide(moderator=unprotected, target=answer, reason="Rude.")
    with pytest.raises(TwoFactorRequired):
        experts.approve_application(reviewer=unprotected, application=application, reason="ok")
    # ...and it is still a refusal, for code that only knows about PermissionDenied.
    assert issubclass(TwoFactorRequired, PermissionDenied)


def test_members_are_still_simply_refused(client, answer):
    client.force_login(MemberFactory())
    assert client.get("/moderation/").status_code == 403
    response = client.post(
        f"/moderation/act/answer/{answer.pk}/", {"action": "hide", "reason": "Rude."}
    )
    assert response.status_code == 403
    assert "Only moderators can do that." in response.content.decode()


def test_with_two_factor_a_moderator_works_as_before(client, answer, application):
    moderator = MemberFactory(role="moderator")
    assert moderator.authenticator_set.filter(type="totp").exists()
    client.force_login(moderator)
    assert client.get("/moderation/").status_code == 200
    assert client.get("/experts/review/").status_code == 200
    client.post(f"/moderation/act/answer/{answer.pk}/", {"action": "hide", "reason": "Rude."})
    answer.refresh_from_db()
    assert answer.hidden_at is not None
    client.post(f"/experts/review/{application.pk}/", {"decision": "approve", "reason": "Fine."})
    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.APPROVED


def test_setting_it_up_through_allauth_brings_the_moderator_back_and_sign_in_asks_for_a_code(
    client, unprotected
):
    # Refused at the queue, the moderator follows the link to allauth's set-up page.
    explained = client.get("/moderation/", follow=True)
    assert explained.redirect_chain[-1][0] == f"{EXPLAINED}?next=%2Fmoderation%2F"
    setup = client.get("/accounts/2fa/totp/activate/")
    if setup.status_code == 302:  # allauth asks for the password again first
        client.post(setup["Location"], {"password": PASSWORD})
        setup = client.get("/accounts/2fa/totp/activate/")
    assert setup.status_code == 200
    secret = client.session["mfa.totp.secret"]
    done = client.post("/accounts/2fa/totp/activate/", {"code": code(secret)}, follow=True)
    assert unprotected.authenticator_set.filter(type="totp").exists()

    # The page allauth lands on offers the way back, which now opens.
    assert '<a href="/moderation/">carry on where you left off</a>' in done.content.decode()
    assert client.get("/moderation/").status_code == 200
    assert "carry on where you left off" not in client.get("/").content.decode()

    # Signing in again: the password alone is not enough any more.
    client.post("/accounts/logout/")
    signed = client.post(
        "/accounts/login/", {"login": unprotected.email, "password": PASSWORD}, follow=True
    )
    assert signed.redirect_chain[-1][0] == "/accounts/2fa/authenticate/"
    assert not signed.wsgi_request.user.is_authenticated
    client.post("/accounts/2fa/authenticate/", {"code": code(secret)})
    assert client.get("/moderation/").status_code == 200
