"""sitemap.xml: an index pointing at sections, each split into pages of SITEMAP_PAGE_SIZE.

Django's own sitemap views take the host name from the Sites framework; these take it from
the request, like the canonical links on the pages, so one deployment serves its own name.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from django.contrib.sitemaps import Sitemap
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from village.questions.models import Question
from village.questions.visibility import visibility_token
from village.topics.models import Topic

SITEMAP_PAGE_SIZE = 10_000
CACHE_SECONDS = 15 * 60


class QuestionSitemap(Sitemap):
    limit = SITEMAP_PAGE_SIZE
    changefreq = "weekly"

    def items(self):
        return (
            Question.objects.filter(status=Question.Status.PUBLISHED)
            .only("id", "slug", "updated_at")
            .order_by("id")
        )

    def lastmod(self, question):
        return question.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class TopicSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Topic.objects.order_by("name")


class HomeSitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.8

    def items(self):
        return ["home"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"home": HomeSitemap, "topics": TopicSitemap, "questions": QuestionSitemap}


def _cached(view):
    """cache_page, keyed by the questions' visibility token: a question a moderator hides
    leaves the sitemap at once rather than when the cached copy expires."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        prefix = f"sitemap:{visibility_token()}"
        return cache_page(CACHE_SECONDS, key_prefix=prefix)(view)(request, *args, **kwargs)

    return wrapper


@dataclass
class IndexEntry:
    location: str
    last_mod: datetime | None = None


@require_safe
@_cached
def sitemap_index(request):
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        location = request.build_absolute_uri(reverse("sitemap-section", args=[section]))
        last_mod = sitemap.get_latest_lastmod()
        entries.append(IndexEntry(location, last_mod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            entries.append(IndexEntry(f"{location}?p={page}", last_mod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@require_safe
@_cached
def sitemap_section(request, section: str):
    sitemap_class = SITEMAPS.get(section)
    if sitemap_class is None:
        raise Http404("No such sitemap.")
    try:
        page = int(request.GET.get("p", 1))
        urls = sitemap_class().get_urls(
            page=page, site=RequestSite(request), protocol=request.scheme
        )
    except (ValueError, PageNotAnInteger, EmptyPage) as error:
        raise Http404("No such page of the sitemap.") from error
    response = TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml"
    )
    latest = max((u["lastmod"] for u in urls if u.get("lastmod")), default=None)
    if latest:
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return response
