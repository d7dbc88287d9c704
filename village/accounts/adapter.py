"""How allauth fits Village: profiles made at sign-up, and mail sent through the outbox."""

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction

from village.accounts.models import Profile
from village.common.email import queue_message
from village.ip_addresses.services import record_address


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render the message now (while the request is here) and let the worker deliver it."""
        request = self.request
        ctx = {"request": request, "email": email, "site_name": "Village", **context}
        queue_message(self.render_mail(template_prefix, email, ctx))

    def format_email_subject(self, subject: str) -> str:
        return subject

    def respond_email_verification_sent(self, request, user):
        # Remembered so the "Nearly there" page can offer to resend to the same address.
        if user is not None:
            request.session["village_pending_email"] = user.email
        return super().respond_email_verification_sent(request, user)

    def save_user(self, request, user, form, commit=True):
        with transaction.atomic():
            user = super().save_user(request, user, form, commit=commit)
            if commit:
                Profile.objects.create(
                    user=user, display_name=form.cleaned_data["display_name"].strip()
                )
                record_address(request, user, "sign_up")
        return user

    def post_login(self, request, user, **kwargs):
        """Every completed sign-in (after two-factor, if on) keeps its address a while."""
        record_address(request, user, "sign_in")
        return super().post_login(request, user, **kwargs)
