import re

from django import forms

from village.accounts.avatars import MAX_UPLOAD_BYTES
from village.accounts.models import Profile
from village.questions.newcomers import TooManyLinks, check_link_limit


class ProfileForm(forms.ModelForm):
    avatar_upload = forms.FileField(
        required=False,
        label="Profile picture",
        help_text=f"JPEG, PNG or WebP, up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. "
        "We crop it square and remove its hidden details (like location).",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_avatar = forms.BooleanField(required=False, label="Remove my picture")
    country = forms.CharField(
        required=False,
        max_length=60,
        label="Country code",
        help_text="Two letters, e.g. GB, IE or US.",
    )

    class Meta:
        model = Profile
        fields = ["display_name", "headline", "city", "country", "bio"]
        labels = {"display_name": "Your name"}
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def clean_country(self):
        country = self.cleaned_data["country"].strip().upper()
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            raise forms.ValidationError("Please use a two-letter country code, like GB.")
        return country

    def clean_bio(self):
        bio = self.cleaned_data["bio"]
        if bio.strip() != self.instance.bio.strip():
            try:
                check_link_limit(self.instance.user, bio, field="bio")
            except TooManyLinks as refusal:
                raise forms.ValidationError(str(refusal)) from None
        return bio

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError("Please tell us what to call you.")
        return name
