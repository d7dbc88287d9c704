from pathlib import Path

import pytest
from django.conf import settings

COFFEE = settings.BASE_DIR.parent / "shared" / "data" / "stackexchange" / "coffee.stackexchange.com"


@pytest.fixture
def coffee_dump() -> Path:
    assert (COFFEE / "Posts.xml").is_file(), f"The shared Stack Exchange dump is not at {COFFEE}"
    return COFFEE
