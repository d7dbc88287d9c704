"""A real SMTP server on loopback (aiosmtpd) and a way to run the task worker in tests."""

import email
import email.policy
import re
import socket
import time
from email.message import EmailMessage

import django_rq
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django_tasks import task_backends
from django_tasks_rq import Job as RQJob
from django_tasks_rq import RQBackend
from rq import SimpleWorker


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


class _BurstWorker(SimpleWorker):
    """RQ's worker, running jobs in this process, without the listener for remote stop
    commands: a burst has nothing to stop, and the listener takes up to a second to close,
    which would make tests of timed retries depend on luck."""

    def subscribe(self):
        pass

    def unsubscribe(self):
        pass


def run_worker() -> None:
    """Run every task that is due, then return: the worker `make run` starts in batch mode, or
    in the production profile (REDIS_URL) an RQ worker in burst mode, in this process so it
    sees the test database. Scheduled retries that are due are queued first, as RQ's
    scheduler would."""
    if isinstance(task_backends["default"], RQBackend):
        queue = django_rq.get_queue("default", job_class=RQJob)
        registry = queue.scheduled_job_registry
        # To the microsecond, where RQ's own scheduler looks in whole seconds.
        for job_id in registry.get_jobs_to_schedule(time.time()):
            registry.remove(job_id)
            queue.enqueue_job(RQJob.fetch(job_id, connection=queue.connection))
        worker = _BurstWorker([queue], connection=queue.connection, job_class=RQJob)
        worker.work(burst=True, logging_level="WARNING")
        return
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
