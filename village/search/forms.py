from django import forms

from village.questions.models import Answer
from village.search.engines import Filters
from village.topics.models import Topic


class SearchForm(forms.Form):
    """The search box and its filters; never invalid, only narrower or wider."""

    q = forms.CharField(label="Search for", required=False, max_length=5000, strip=True)
    topic = forms.ChoiceField(label="Topic", required=False)
    expert = forms.BooleanField(label="Has an expert answer", required=False)
    kind = forms.ChoiceField(
        label="Answers that share",
        required=False,
        choices=[("", "Any kind of answer"), *Answer.Kind.choices],
    )

    def __init__(self, *args, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        topics = Topic.objects.order_by("name") if topics is None else topics
        self.fields["topic"].choices = [("", "All topics")] + [(t.slug, t.name) for t in topics]

    def filters(self) -> Filters:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return Filters(
            topic=data.get("topic") or "",
            expert_answered=bool(data.get("expert")),
            answer_kind=data.get("kind") or "",
        )

    def text(self) -> str:
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("q") or self.data.get("q", "")[:5000]

    @property
    def is_filtered(self) -> bool:
        filters = self.filters()
        return bool(filters.topic or filters.expert_answered or filters.answer_kind)
