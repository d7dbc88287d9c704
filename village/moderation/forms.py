"""Forms for flagging, for moderators' actions and for filtering the audit log."""

from django import forms

from village.moderation.models import Flag, ModerationAction
from village.moderation.permissions import SUSPENDED_MAY_ONLY

REASON_HELP = "Goes in the audit log. Members you warn or suspend read it too."


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label="What's wrong?",
        choices=Flag.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose what's wrong."},
    )
    note = forms.CharField(
        label="Anything a moderator should know? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Please keep this under 1,000 characters."},
    )

    def __init__(self, *args, reasons=None, **kwargs):
        super().__init__(*args, **kwargs)
        if reasons is not None and len(reasons) < len(Flag.Reason.choices):
            self.fields["reason"].choices = reasons
            # Only a suspended member is offered fewer reasons (moderation/permissions.py).
            self.fields["reason"].error_messages["invalid_choice"] = SUSPENDED_MAY_ONLY


class ActionForm(forms.Form):
    ACTIONS = {
        "dismiss": "Dismiss flags",
        "hide": "Hide",
        "unhide": "Show again",
        "delete": "Delete",
        "lock": "Lock question",
        "unlock": "Unlock question",
        "warn": "Warn the member",
        "suspend": "Suspend the member",
        "lift": "Lift suspension",
    }
    DURATIONS = [("1", "1 day"), ("7", "7 days"), ("30", "30 days"), ("for-good", "For good")]

    action = forms.ChoiceField(choices=list(ACTIONS.items()))
    reason = forms.CharField(
        label="Reason",
        max_length=2000,
        help_text=REASON_HELP,
        error_messages={"required": "Please give a reason: every action needs one."},
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    duration = forms.ChoiceField(choices=DURATIONS, required=False, initial="7")

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Please give a reason: every action needs one.")
        return reason

    @property
    def days(self) -> int | None:
        duration = self.cleaned_data.get("duration") or "7"
        return None if duration == "for-good" else int(duration)


class EditForm(forms.Form):
    title = forms.CharField(label="Title", required=False, max_length=200)
    body = forms.CharField(
        label="Text",
        strip=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "The text can't be empty: delete the post instead."},
    )
    reason = ActionForm.base_fields["reason"]


class LogFilterForm(forms.Form):
    moderator = forms.ChoiceField(label="Moderator", required=False)
    action = forms.ChoiceField(
        label="Action",
        required=False,
        choices=[("", "Any action"), *ModerationAction.Kind.choices],
    )
    since = forms.DateField(label="From", required=False, widget=forms.DateInput({"type": "date"}))
    until = forms.DateField(label="To", required=False, widget=forms.DateInput({"type": "date"}))

    def __init__(self, *args, moderators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["moderator"].choices = [
            ("", "Anyone"),
            ("auto", "Village (automatic)"),
            *((str(m.pk), m.profile.display_name) for m in moderators),
        ]
