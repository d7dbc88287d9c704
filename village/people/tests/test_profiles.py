import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import AnswerFactory, ExpertFactory, MemberFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def picture(fmt="JPEG", size=(800, 600), exif=True) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (200, 120, 40))
    buffer = io.BytesIO()
    extra = {}
    if exif and fmt == "JPEG":
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"  # camera make
        data[0x0132] = "2026:01:01 10:00:00"
        extra["exif"] = data.tobytes()
    image.save(buffer, format=fmt, **extra)
    content_type = {
        "JPEG": "image/jpeg",
        "PNG": "image/png",
        "WEBP": "image/webp",
        "GIF": "image/gif",
    }
    return SimpleUploadedFile(f"me.{fmt.lower()}", buffer.getvalue(), content_type[fmt])


def edit(client, **changes):
    data = {"display_name": "Pat Parent", "headline": "", "city": "", "country": "", "bio": ""}
    data.update(changes)
    return client.post("/people/me/edit/", data, follow=True)


def test_profile_page_shows_who_they_are_and_what_they_wrote(client):
    person = ExpertFactory(
        display_name="Dana Doe",
        area="Sleep",
        headline="Sleep consultant",
        city="Leeds",
        country="GB",
    )
    person.profile.bio = "Helping tired families since 2010."
    person.profile.save()
    QuestionFactory(author=person, title="Naps at three?")
    AnswerFactory(author=person)
    AnswerFactory(author=person)
    html = client.get(f"/people/{person.pk}/").content.decode()
    assert "Dana Doe" in html
    assert "Sleep expert" in html
    assert ">Expert</span>" in html
    assert "Sleep consultant" in html and "Leeds, GB" in html
    assert "Helping tired families since 2010." in html
    assert "Member since" in html
    assert "1 question" in html and "2 answers" in html
    assert "Naps at three?" in html


def test_anonymous_questions_stay_off_the_public_profile(client):
    person = MemberFactory()
    QuestionFactory(author=person, title="A private worry?", is_anonymous=True)
    assert "A private worry?" not in client.get(f"/people/{person.pk}/").content.decode()
    client.force_login(person)
    assert "A private worry?" in client.get(f"/people/{person.pk}/").content.decode()


def test_edit_profile_saves_fields_and_resizes_the_avatar_without_metadata(client):
    member = MemberFactory(display_name="Old Name")
    client.force_login(member)
    response = edit(
        client,
        display_name="Pat Parent",
        headline="Dad of two",
        city="Cork",
        country="ie",
        bio="Ask me about twins.",
        avatar_upload=picture("JPEG"),
    )
    assert response.status_code == 200
    member.profile.refresh_from_db()
    profile = member.profile
    assert (profile.display_name, profile.country, profile.city) == ("Pat Parent", "IE", "Cork")
    with Image.open(profile.avatar.path) as large, Image.open(profile.avatar_small.path) as small:
        assert (large.format, large.size, small.size) == ("WEBP", (256, 256), (64, 64))
        assert not large.getexif()
        assert "exif" not in large.info
    assert profile.avatar.url in response.content.decode()


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_avatars_are_accepted(client, fmt):
    member = MemberFactory()
    client.force_login(member)
    edit(client, avatar_upload=picture(fmt))
    member.profile.refresh_from_db()
    assert member.profile.avatar.name.endswith("-256.webp")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: picture("GIF", exif=False), "Please upload a JPEG, PNG or WebP picture."),
        (
            lambda: SimpleUploadedFile("me.jpg", b"<?php echo 'not a picture'; ?>", "image/jpeg"),
            "We couldn&#x27;t read that file as a picture.",
        ),
    ],
)
def test_files_that_are_not_allowed_pictures_are_refused_and_the_rest_kept(client, upload, message):
    member = MemberFactory(display_name="Kept Name")
    client.force_login(member)
    response = edit(client, display_name="Typed Name", bio="Typed bio", avatar_upload=upload())
    html = response.content.decode()
    assert message in html
    assert 'value="Typed Name"' in html and "Typed bio" in html
    member.profile.refresh_from_db()
    assert member.profile.display_name == "Kept Name"
    assert not member.profile.avatar


def test_oversized_uploads_are_refused(client, settings):
    member = MemberFactory()
    client.force_login(member)
    big = SimpleUploadedFile("big.jpg", b"0" * (5 * 1024 * 1024 + 1), "image/jpeg")
    html = edit(client, avatar_upload=big).content.decode()
    assert "over 5 MB" in html


def test_a_new_avatar_replaces_the_old_files_and_remove_clears_it(client):
    member = MemberFactory()
    client.force_login(member)
    edit(client, avatar_upload=picture())
    member.profile.refresh_from_db()
    first = member.profile.avatar
    first_path = first.path
    edit(client, avatar_upload=picture("PNG"))
    member.profile.refresh_from_db()
    assert member.profile.avatar.name != first.name
    assert not first.storage.exists(first.name), first_path
    edit(client, remove_avatar="on")
    member.profile.refresh_from_db()
    assert not member.profile.avatar


def test_bad_country_code_is_explained(client):
    client.force_login(MemberFactory())
    html = edit(client, country="Ireland").content.decode()
    assert "Please use a two-letter country code, like GB." in html


def test_editing_needs_sign_in(client):
    response = client.get("/people/me/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
