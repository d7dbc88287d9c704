from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "village.accounts"
    label = "accounts"

    def ready(self):
        from allauth.account.signals import email_confirmed
        from django.db.models.signals import post_delete, post_save

        from village.accounts.models import Profile, User
        from village.experts.models import ExpertProfile

        # A member's kept page is served without loading them (common/pagecache.py), so any
        # change to who they are must forget it at once: a new password or role, a ban, their
        # name or badge, their erasure, and signing in (which saves their last_login, also on
        # a confirmation link, a GET).
        for model in (User, Profile, ExpertProfile):
            for name, signal in (("save", post_save), ("delete", post_delete)):
                uid = f"village-forget-{name}-{model._meta.label_lower}"
                signal.connect(_forget_pages_on_change, sender=model, dispatch_uid=uid)
        # Confirming an address changes what they may do, and saves no User.
        email_confirmed.connect(_forget_pages_on_confirm, dispatch_uid="village-forget-confirm")


def _forget_pages_on_change(sender, instance, **kwargs):
    from village.accounts.models import User
    from village.common.pagecache import forget_pages_of

    forget_pages_of(instance.pk if isinstance(instance, User) else instance.user_id)


def _forget_pages_on_confirm(request, email_address, **kwargs):
    from village.common.pagecache import forget_pages_of

    forget_pages_of(email_address.user_id)
