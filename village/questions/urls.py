from django.urls import path

from village.questions import follow_views, views

app_name = "questions"

urlpatterns = [
    path("ask/", views.ask, name="ask"),
    path("similar/", views.similar, name="similar"),
    path("preview/", views.preview, name="preview"),
    path("<int:pk>/<slug:slug>/", views.question_detail, name="detail"),
    path("<int:pk>/<slug:slug>/feedback/", views.answer_feedback, name="feedback"),
    path("<int:pk>/<slug:slug>/answer/", views.answer, name="answer"),
    path("<int:pk>/<slug:slug>/edit/", views.edit_question, name="edit"),
    path("<int:pk>/<slug:slug>/delete/", views.delete_question, name="delete"),
    path("<int:pk>/<slug:slug>/history/", views.question_history, name="history"),
    path("<int:pk>/<slug:slug>/follow/", follow_views.follow, name="follow"),
    path("<int:pk>/<slug:slug>/unfollow/", follow_views.unfollow, name="unfollow"),
    path("answers/<int:pk>/helpful/", views.helpful, name="helpful"),
    path("answers/<int:pk>/reply/", views.reply, name="reply"),
    path("answers/<int:pk>/edit/", views.edit_answer, name="edit_answer"),
    path("answers/<int:pk>/delete/", views.delete_answer, name="delete_answer"),
    path("answers/<int:pk>/history/", views.answer_history, name="answer_history"),
    path("replies/<int:pk>/edit/", views.edit_reply, name="edit_reply"),
    path("replies/<int:pk>/delete/", views.delete_reply, name="delete_reply"),
    path("replies/<int:pk>/history/", views.reply_history, name="reply_history"),
]
