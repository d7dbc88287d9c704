from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from village.accounts.models import Profile, User
from village.accounts.services import sync_staff_access

# Signing in to the admin goes through Village's own sign-in (and its two-factor step), never
# the admin's bare password form.
admin.site.login = secure_admin_login(admin.site.login)


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "is_active", "is_staff", "date_joined"]
    search_fields = ["email", "profile__display_name"]
    inlines = [ProfileInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    def save_related(self, request, form, formsets, change):
        """A role set on the profile brings (or takes away) the admin access that goes with it."""
        super().save_related(request, form, formsets, change)
        if hasattr(form.instance, "profile"):
            sync_staff_access(form.instance)
