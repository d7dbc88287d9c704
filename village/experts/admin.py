from django.contrib import admin

from village.experts.models import ExpertProfile


@admin.register(ExpertProfile)
class ExpertProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "area", "verified", "verified_at"]
    list_filter = ["verified"]
    search_fields = ["user__email", "area"]
    raw_id_fields = ["user"]
