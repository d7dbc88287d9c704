from django.urls import path

from village.topics import views

app_name = "topics"

urlpatterns = [
    path("<slug:slug>/", views.topic_detail, name="detail"),
    path("<slug:slug>/follow/", views.follow, name="follow"),
    path("<slug:slug>/unfollow/", views.unfollow, name="unfollow"),
]
