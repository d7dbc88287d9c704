from django.urls import path

from village.people import views

app_name = "people"

urlpatterns = [
    path("<int:pk>/", views.profile, name="profile"),
    path("me/edit/", views.edit_profile, name="edit"),
]
