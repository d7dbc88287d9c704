import pytest

from village.experts.models import ExpertiseArea


@pytest.mark.django_db
def test_the_list_of_expertise_areas_starts_filled():
    names = set(ExpertiseArea.objects.values_list("name", flat=True))
    assert {"E-safety", "Education", "Child psychology", "Speech and language"} <= names
