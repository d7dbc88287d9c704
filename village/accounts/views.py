from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from village.accounts import services
from village.accounts.permissions import has_two_factor
from village.accounts.two_factor import RETURN_SESSION_KEY, safe_next


@require_POST
def resend_confirmation(request):
    """Send a fresh confirmation link. The answer is the same whether or not we know the address."""
    email = request.POST.get("email", "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        return render(
            request,
            "account/verification_sent.html",
            {"resend_error": "Please enter a valid email address."},
            status=400,
        )
    if ratelimit.consume(request, action="confirm_email", key=email):
        address = EmailAddress.objects.filter(email__iexact=email, verified=False).first()
        if address is not None:
            address.send_confirmation(request, signup=False)
    return render(request, "account/resend_done.html", {"email": email})


@login_required
@require_POST
def sign_out_everywhere(request):
    """End every session of this person, on every device, this one included."""
    services.sign_out_everywhere(request.user)
    logout(request)
    messages.success(
        request,
        "You're signed out everywhere: on this device and on every other one. "
        "Sign in again whenever you're ready.",
    )
    return redirect("account_login")


@login_required
@require_safe
def two_factor_required(request):
    """Why moderators and admins need two-factor authentication, and where to turn it on."""
    next_url = safe_next(request, request.GET.get("next", ""))
    if has_two_factor(request.user):
        request.session.pop(RETURN_SESSION_KEY, None)
        return redirect(next_url or "home")
    if next_url:
        # Offered back once the authenticator is set up (see context_processors.security).
        request.session[RETURN_SESSION_KEY] = next_url
    # This page says it all: no need for the reminder banner above it as well.
    context = {"next": next_url, "ask_for_two_factor": False}
    return render(request, "account/two_factor_required.html", context)
