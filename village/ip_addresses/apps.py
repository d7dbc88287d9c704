from django.apps import AppConfig


class IPAddressesConfig(AppConfig):
    name = "village.ip_addresses"
    label = "ip_addresses"
    verbose_name = "IP addresses"
