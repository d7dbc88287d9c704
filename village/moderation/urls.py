from django.urls import path

from village.moderation import views

app_name = "moderation"

KIND = "<str:kind>/<int:pk>"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("log/", views.log, name="log"),
    path(f"flag/{KIND}/", views.flag, name="flag"),
    path(f"act/{KIND}/", views.act, name="act"),
    path(f"edit/{KIND}/", views.edit, name="edit"),
]
