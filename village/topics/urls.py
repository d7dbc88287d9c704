from django.urls import path

from village.topics import views

app_name = "topics"

urlpatterns = [
    path("<slug:slug>/", views.topic_detail, name="detail"),
]
