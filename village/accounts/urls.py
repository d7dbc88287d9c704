from django.urls import path

from village.accounts import views

app_name = "accounts"

urlpatterns = [
    path("confirm/resend/", views.resend_confirmation, name="resend_confirmation"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("two-factor/required/", views.two_factor_required, name="two_factor_required"),
]
