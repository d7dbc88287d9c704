"""A honeypot on public forms: a box people never see or fill, which form-filling robots do.

Forms render it with HoneypotField (or templates/common/_honeypot.html); the middleware
refuses any POST that arrives with it filled in, quietly, before a view sees it.
"""

from django import forms
from django.shortcuts import render

FIELD = "homepage"
LABEL = "Leave this box empty"


class HoneypotField(forms.CharField):
    """Off-screen, out of the tab order, never autofilled: only a robot types here."""

    def __init__(self, **kwargs):
        attrs = {"class": "hp-input", "tabindex": "-1", "autocomplete": "off"}
        super().__init__(required=False, label=LABEL, widget=forms.TextInput(attrs=attrs), **kwargs)


def is_caught(request) -> bool:
    return request.method == "POST" and bool(request.POST.get(FIELD, "").strip())


class HoneypotMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_caught(request):
            return render(request, "common/honeypot_refused.html", status=400)
        return self.get_response(request)
