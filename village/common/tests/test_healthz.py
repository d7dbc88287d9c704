import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_without_caching(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_liveness_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/live")
    assert response.content == b"ok"


def test_pages_answer_head_requests_like_get(client):
    assert client.head("/").status_code == 200
    assert client.head("/healthz/live").status_code == 200
