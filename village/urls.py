from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve as serve_static

from village.common.views import healthz, live
from village.questions import views as question_views

urlpatterns = [
    path("", question_views.home, name="home"),
    path("questions/", include("village.questions.urls")),
    path("topics/", include("village.topics.urls")),
    path("people/", include("village.people.urls")),
    path("experts/", include("village.experts.urls")),
    path("notifications/", include("village.notifications.urls")),
    path("privacy/", include("village.privacy.urls")),
    path("moderation/", include("village.moderation.urls")),
    path("search/", include("village.search.urls")),
    path("", include("village.search.open_web_urls")),
    path("accounts/", include("village.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("healthz/live", live, name="live"),
]

handler429 = "village.common.views.too_many_requests"

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            serve_static,
            {"document_root": settings.MEDIA_ROOT},
            name="media",
        ),
    ]
