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
        # A member's kept page is served without loading them (common/pagecache.py), so any
        # change to who they are (a new password or role, a ban, their name, their badge, their
        # erasure) must forget it at once.
        from django.db.models.signals import post_delete, post_save

        from village.accounts.models import Profile, User
        from village.experts.models import ExpertProfile

        for model in (User, Profile, ExpertProfile):
            for name, signal in (("save", post_save), ("delete", post_delete)):
                uid = f"village-forget-{name}-{model._meta.label_lower}"
                signal.connect(_forget_pages_on_change, sender=model, dispatch_uid=uid)


def _forget_pages_on_sign_in(sender, request, user, **kwargs):
    from village.common.pagecache import forget_pages_of

    forget_pages_of(user.pk)


def _forget_pages_on_confirm(request, email_address, **kwargs):
    from village.common.pagecache import forget_pages_of

    forget_pages_of(email_address.user_id)


def _forget_pages_on_change(sender, instance, **kwargs):
    from village.accounts.models import User
    from village.common.pagecache import forget_pages_of

    forget_pages_of(instance.pk if isinstance(instance, User) else instance.user_id)
