"""A text progress bar for management commands: redrawn in place on a terminal, one line
per step elsewhere (logs, CI), so long jobs show they are alive without flooding output."""

import sys
import time

from django.core.management.base import OutputWrapper


class ProgressBar:
    def __init__(self, label: str, stream=None, width: int = 30, min_interval: float = 0.2):
        self.label = label
        self.stream = stream or sys.stdout
        self.width = width
        self.min_interval = min_interval
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._interactive = getattr(self.stream, "isatty", lambda: False)()

    def update(self, done: int, total: int) -> None:
        now = time.monotonic()
        finished = total == 0 or done >= total
        if not finished and now - self._last_draw < self.min_interval:
            return
        self._last_draw = now
        share = 1.0 if total == 0 else min(done / total, 1.0)
        filled = round(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        line = f"{self.label} [{bar}] {done:,}/{total:,} {share:4.0%} {rate:,.0f}/s"
        text = "\r" + line + ("\n" if finished else "") if self._interactive else line + "\n"
        if isinstance(self.stream, OutputWrapper):
            self.stream.write(text, ending="")  # a command's stdout adds its own newline
        else:
            self.stream.write(text)
        self.stream.flush()
