from django import forms

from village.common.honeypot import HoneypotField


class SignupForm(forms.Form):
    """Extra fields allauth's sign-up form asks for: how others will see you.

    The profile itself is created by AccountAdapter.save_user, in the same transaction as
    the account.
    """

    display_name = forms.CharField(
        max_length=80,
        label="Your name",
        help_text="Shown beside what you write. Your first name is fine.",
    )

    homepage = HoneypotField()

    field_order = ["display_name", "email", "password1", "password2", "homepage"]

    def signup(self, request, user):
        """Required by allauth's ACCOUNT_SIGNUP_FORM_CLASS; the adapter did the work."""
