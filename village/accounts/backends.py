"""Authentication: allauth's email login, loading the person's profile with them."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from village.accounts.loading import load_signed_in


class AuthenticationBackend(AllauthBackend):
    """Every signed-in page shows the name and badge: fetch them with the user, in one query
    (prepared once: accounts/loading.py)."""

    def get_user(self, user_id):
        user = load_signed_in(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
