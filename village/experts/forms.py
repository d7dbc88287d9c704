from django import forms

from village.experts.models import ExpertApplication, ExpertiseArea


class ExpertApplicationForm(forms.ModelForm):
    area = forms.ModelChoiceField(
        queryset=ExpertiseArea.objects.filter(is_active=True),
        label="Area of expertise",
        empty_label="Choose an area",
    )
    evidence_url = forms.URLField(
        assume_scheme="https",
        max_length=500,
        label="Evidence link",
        help_text="A public page that confirms it: a register entry, an employer page.",
    )

    class Meta:
        model = ExpertApplication
        fields = ["area", "headline", "credentials", "evidence_url", "statement"]
        labels = {
            "headline": "Professional headline",
            "credentials": "Credentials",
            "evidence_url": "Evidence link",
            "statement": "Why you'd like to help",
        }
        widgets = {
            "credentials": forms.Textarea(attrs={"rows": 4}),
            "statement": forms.Textarea(attrs={"rows": 4}),
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("reject", "Reject")], widget=forms.RadioSelect
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        label="Reason (the applicant will read this)",
    )
