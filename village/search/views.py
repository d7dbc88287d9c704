from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from village.search.forms import SearchForm
from village.search.results import search_questions, similar_questions
from village.topics.models import Topic


def _page_number(request) -> int:
    try:
        return int(request.GET.get("page", 1))
    except ValueError:
        return 1


@require_safe
def results(request):
    """The search results page: ranked questions with marked snippets, and filters."""
    topics = list(Topic.objects.order_by("name"))
    form = SearchForm(request.GET or None, topics=topics)
    text = form.text() if form.is_bound else ""
    found = search_questions(text, form.filters(), page=_page_number(request))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "text": text,
        "results": found,
        "topic_names": {t.slug: t.name for t in topics},
        "base_query": params.urlencode(),
    }
    return render(request, "search/results.html", context)


@require_safe
def similar(request):
    """Questions like the one being typed on the ask page (an htmx fragment)."""
    text = (request.GET.get("q") or request.GET.get("title") or "")[:200]
    return render(request, "questions/_similar.html", {"similar": similar_questions(text)})


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    lines = [
        "User-agent: *",
        "Disallow: /accounts/",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /questions/ask/",
        "Allow: /",
        "",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
