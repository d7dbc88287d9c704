from django.urls import path

from village.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("export/", views.export, name="export"),
    path("exports/<str:token>/", views.download, name="download"),
    path("delete/", views.delete_account, name="delete"),
    path("delete/cancel/", views.cancel_deletion, name="cancel_deletion"),
]
