import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_without_caching(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]
