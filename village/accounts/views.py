from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.shortcuts import render
from django.views.decorators.http import require_POST


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
