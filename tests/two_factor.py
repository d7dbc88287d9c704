"""Authenticator apps for tests, made with allauth's own TOTP code (no shortcuts)."""

import time

from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

PERIOD = 30  # seconds each code lasts (allauth's MFA_TOTP_PERIOD default)


def turn_on_two_factor(user) -> str:
    """Set up an authenticator app for the person, as allauth's setup page does. Returns the
    secret (also left on user.totp_secret), from which `code()` works out the app's code."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    user.totp_secret = secret
    return secret


def code(secret: str) -> str:
    """The six digits the authenticator app shows now. Close to the end of a period it waits
    for the next one, so the code is still valid when the server checks it."""
    if PERIOD - time.time() % PERIOD < 3:
        time.sleep(PERIOD - time.time() % PERIOD + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // PERIOD))


def enter_code(page, secret: str) -> None:
    """In a browser, on allauth's "Two-Factor Authentication" step of signing in: type the
    code from the app and carry on."""
    page.get_by_role("heading", name="Two-Factor Authentication").wait_for()
    page.locator('main input[name="code"]').fill(code(secret))
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_load_state()
