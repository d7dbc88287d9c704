from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def live(request):
    """Liveness: the process answers. No database, no template: also the benchmarks' floor."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
@never_cache
def healthz(request):
    """For load balancers and uptime checks: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def too_many_requests(request, exception=None):
    """A human answer to a rate limit, with the standard Retry-After header."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "300"
    return response
