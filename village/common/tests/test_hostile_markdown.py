"""Every entry of the hostile corpus comes out of the Markdown renderer harmless."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from tests.data.hostile import corpus
from village.common.markdown import ALLOWED_TAGS, render_markdown

SAFE_SCHEMES = {"", "http", "https", "mailto"}  # "" is a relative link, which runs nothing


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "src", "srcset", "formaction"):
                self.problems.append(f"attribute {name}")
            if (
                name == "href"
                and urlsplit((value or "").strip()).scheme.lower() not in SAFE_SCHEMES
            ):
                self.problems.append(f"href {value!r}")


@pytest.mark.parametrize(("name", "text"), corpus(), ids=[name for name, _ in corpus()])
def test_hostile_input_renders_harmless(name, text):
    audit = _Audit()
    audit.feed(render_markdown(text))
    assert audit.problems == []
