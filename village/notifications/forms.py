from django import forms

from village.notifications.models import PREFERENCE_KINDS, WEEKLY_DIGEST, EmailMode
from village.notifications.services import allowed_modes

_LABELS = dict(PREFERENCE_KINDS)


class EmailPreferencesForm(forms.Form):
    """One radio group per kind of email: straight away, daily summary, or never."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, mode in current.items():
            self.fields[kind] = forms.ChoiceField(
                label=_LABELS[kind],
                choices=[(m, EmailMode(m).label) for m in allowed_modes(kind)],
                initial=mode,
                widget=forms.RadioSelect,
            )
        self.digest_field = self[WEEKLY_DIGEST]


class DigestSignupForm(forms.Form):
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "you@example.org"}),
    )
