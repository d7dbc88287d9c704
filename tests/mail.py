"""A real SMTP server on loopback (aiosmtpd) and a way to run the task worker in tests."""

import email
import email.policy
import re
import socket
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from django.core.management import call_command


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Collector:
    def __init__(self, inbox: list[EmailMessage]):
        self.inbox = inbox

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.inbox.append(message)
        return "250 Message accepted for delivery"


class SMTPServer:
    """An SMTP server that can be stopped and started again on the same port."""

    def __init__(self):
        self.host = "127.0.0.1"
        self.port = free_port()
        self.inbox: list[EmailMessage] = []
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(_Collector(self.inbox), hostname=self.host, port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def messages_to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.inbox if address in m["To"]]


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def first_link(text: str) -> str:
    match = re.search(r"https?://\S+", text)
    assert match, f"no link in: {text!r}"
    return match.group(0)


def run_worker() -> None:
    """Run every task that is due, then return (the worker `make run` starts, in batch mode)."""
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
