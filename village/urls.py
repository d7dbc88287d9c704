from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from village.common.views import healthz
from village.questions import views as question_views

urlpatterns = [
    path("", question_views.home, name="home"),
    path("questions/", include("village.questions.urls")),
    path("topics/", include("village.topics.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
