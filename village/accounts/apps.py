from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "village.accounts"
    label = "accounts"

    def ready(self):
        from allauth.account.signals import email_confirmed
        from django.contrib.auth.signals import user_logged_in

        # Signing in and confirming an address can happen on a link (a GET): pages kept for
        # the person from before must go, as they do after any other change they make.
        user_logged_in.connect(_forget_pages_on_sign_in, dispatch_uid="village-forget-login")
        email_confirmed.connect(_forget_pages_on_confirm, dispatch_uid="village-forget-confirm")


def _forget_pages_on_sign_in(sender, request, user, **kwargs):
    from village.common.pagecache import forget_pages_of

    forget_pages_of(user.pk)


def _forget_pages_on_confirm(request, email_address, **kwargs):
    from village.common.pagecache import forget_pages_of

    forget_pages_of(email_address.user_id)
