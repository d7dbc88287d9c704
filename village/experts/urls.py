from django.urls import path

from village.experts import views

app_name = "experts"

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:pk>/", views.review, name="review"),
    path("revoke/<int:user_pk>/", views.revoke, name="revoke"),
]
