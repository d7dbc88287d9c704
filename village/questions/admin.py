from django.contrib import admin

from village.questions.models import Answer, Question, Reply, Revision


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "status", "created_at"]
    list_filter = ["status", "topics"]
    search_fields = ["title"]
    raw_id_fields = ["author"]
    readonly_fields = ["body_html"]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["pk", "question", "author", "kind", "helpful_count", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["question", "author"]
    readonly_fields = ["body_html", "helpful_count", "reply_count"]


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    list_display = ["pk", "answer", "author", "depth", "created_at"]
    raw_id_fields = ["answer", "parent", "author"]
    readonly_fields = ["body_html"]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["pk", "editor", "question", "answer", "reply", "created_at"]
    raw_id_fields = ["question", "answer", "reply", "editor"]
