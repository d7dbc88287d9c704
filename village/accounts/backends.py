"""Authentication: allauth's email login, loading the person's profile with them."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from village.accounts.models import User


class AuthenticationBackend(AllauthBackend):
    """Every signed-in page shows the name and badge: fetch them with the user, in one query."""

    def get_user(self, user_id):
        user = User.objects.select_related("profile", "expert_profile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
