from django.urls import path

from village.accounts import views

app_name = "accounts"

urlpatterns = [
    path("confirm/resend/", views.resend_confirmation, name="resend_confirmation"),
]
