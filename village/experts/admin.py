from django.contrib import admin

from village.experts.models import ExpertApplication, ExpertiseArea, ExpertProfile


@admin.register(ExpertProfile)
class ExpertProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "area", "verified", "verified_at"]
    list_filter = ["verified"]
    search_fields = ["user__email", "area"]
    raw_id_fields = ["user"]


@admin.register(ExpertiseArea)
class ExpertiseAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active", "description"]
    list_filter = ["is_active"]


@admin.register(ExpertApplication)
class ExpertApplicationAdmin(admin.ModelAdmin):
    list_display = ["applicant", "area", "status", "created_at", "decided_at"]
    list_filter = ["status", "area"]
    raw_id_fields = ["applicant", "reviewer"]
