"""What the open web reads: robots.txt, the sitemap and the Atom feeds."""

from django.urls import include, path

from village.search import sitemaps, views
from village.search.feeds import AnswersFeed, NewestQuestionsFeed, TopicFeed, per_request

feed_patterns = [
    path("questions/", per_request(NewestQuestionsFeed), name="newest"),
    path("topics/<slug:slug>/", per_request(TopicFeed), name="topic"),
    path("questions/<int:pk>/answers/", per_request(AnswersFeed), name="answers"),
]

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap-index"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap-section"),
    path("feeds/", include((feed_patterns, "feeds"))),
]
