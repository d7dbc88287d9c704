from django.urls import path

from village.questions import views

app_name = "questions"

urlpatterns = [
    path("<int:pk>/<slug:slug>/", views.question_detail, name="detail"),
    path("<int:pk>/<slug:slug>/feedback/", views.answer_feedback, name="feedback"),
]
