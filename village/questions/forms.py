"""Forms for asking, answering, replying and editing: they check input, services do the rest."""

from django import forms
from django.core.validators import MaxLengthValidator

from village.questions.models import Answer, Reply
from village.topics.models import Topic

TITLE_MIN = 10
TITLE_MAX = 200
QUESTION_BODY_MAX = 10_000
ANSWER_BODY_MAX = 10_000
REPLY_BODY_MAX = 2_000
MAX_TOPICS = 3

KIND_HINTS = {
    Answer.Kind.OPINION: "What you think, and why.",
    Answer.Kind.EXPERIENCE: "What happened in your family, or in your work with families.",
}


def _markdown_field(*, label: str, max_length: int, required: bool, help_text: str, rows: int):
    return forms.CharField(
        label=label,
        required=required,
        strip=False,
        help_text=help_text,
        validators=[MaxLengthValidator(max_length)],
        error_messages={
            "required": "Please write something here first.",
            "max_length": f"Please keep this under {max_length:,} characters.",
        },
        widget=forms.Textarea(attrs={"rows": rows, "data-max": max_length}),
    )


class _CleanBodyMixin:
    """Text that is only spaces counts as empty; the Markdown keeps its own line breaks."""

    def clean_body(self):
        body = self.cleaned_data["body"]
        if self.fields["body"].required and not body.strip():
            raise forms.ValidationError("Please write something here first.")
        return body.strip("\n") if body.strip() else ""


class QuestionForm(_CleanBodyMixin, forms.Form):
    title = forms.CharField(
        label="Your question",
        min_length=TITLE_MIN,
        max_length=TITLE_MAX,
        help_text="One sentence, ending with a question mark, that someone could answer.",
        error_messages={
            "required": "Please write your question.",
            "min_length": f"Please say a little more: at least {TITLE_MIN} characters.",
            "max_length": f"Please keep the question under {TITLE_MAX} characters; "
            "put the detail below.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": TITLE_MAX}),
    )
    body = _markdown_field(
        label="Tell us more (optional)",
        max_length=QUESTION_BODY_MAX,
        required=False,
        help_text="Ages, what you've tried, what worries you. Markdown works: **bold**, "
        "lists, [links](https://example.org).",
        rows=8,
    )


class AskForm(QuestionForm):
    topics = forms.ModelMultipleChoiceField(
        label="Topics",
        queryset=Topic.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=f"Choose 1 to {MAX_TOPICS}, so the right people find your question.",
        error_messages={"required": "Please choose at least one topic."},
    )
    source_url = forms.URLField(
        label="Prompted by an article? Link to it (optional)",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": "That doesn't look like a web address. It should start with https://"
        },
    )
    source_title = forms.CharField(
        label="What to call the link (optional)",
        required=False,
        max_length=200,
        help_text="For example: this newspaper piece.",
    )
    is_anonymous = forms.BooleanField(
        label="Ask anonymously",
        required=False,
        help_text="Your question shows as from 'Anonymous parent'. Only Village's moderators "
        "can see it was you. You still get notified of answers and can edit it.",
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def clean_topics(self):
        topics = self.cleaned_data["topics"]
        if len(topics) > MAX_TOPICS:
            raise forms.ValidationError(f"Please choose no more than {MAX_TOPICS} topics.")
        return topics


class AnswerForm(_CleanBodyMixin, forms.Form):
    kind = forms.ChoiceField(
        label="Is your answer an opinion or an experience?",
        choices=Answer.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please say whether this is an opinion or an experience."},
    )
    body = _markdown_field(
        label="Your answer",
        max_length=ANSWER_BODY_MAX,
        required=True,
        help_text="Markdown works: **bold**, numbered lists, [links](https://example.org).",
        rows=8,
    )


class ReplyForm(_CleanBodyMixin, forms.Form):
    body = _markdown_field(
        label="Your reply",
        max_length=REPLY_BODY_MAX,
        required=True,
        help_text="",
        rows=3,
    )
    parent = forms.ModelChoiceField(
        queryset=Reply.objects.all(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, answer=None, **kwargs):
        super().__init__(*args, **kwargs)
        if answer is not None:
            self.fields["parent"].queryset = Reply.objects.filter(answer=answer)
        self.fields["parent"].error_messages["invalid_choice"] = (
            "That reply is no longer part of this conversation."
        )
