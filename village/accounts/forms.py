from django import forms

from village.accounts.models import Profile


class SignupForm(forms.Form):
    """Extra fields allauth's sign-up form asks for: how others will see you."""

    display_name = forms.CharField(
        max_length=80,
        label="Your name",
        help_text="Shown beside what you write. Your first name is fine.",
    )

    field_order = ["display_name", "email", "password1", "password2"]

    def signup(self, request, user):
        Profile.objects.update_or_create(
            user=user, defaults={"display_name": self.cleaned_data["display_name"].strip()}
        )
