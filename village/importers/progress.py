"""Progress bars for the long commands (tqdm): rate and time left, on the command's stderr.

On a terminal the bar redraws in place; in a log (CI, a pipe) tqdm prints a line now and then.
"""

from tqdm import tqdm

from village.importers.stackexchange import Progress


class FileProgress(Progress):
    """Progress through a file being read, in bytes: the rate and time left hold for any size."""

    def __init__(self, stream, enabled: bool = True):
        self.stream = stream
        self.enabled = enabled
        self.bar = None

    def start(self, label: str, total_bytes: int) -> None:
        self.bar = tqdm(
            total=total_bytes,
            desc=label,
            unit="B",
            unit_scale=True,
            file=self.stream,
            disable=not self.enabled,
            mininterval=0.5,
            dynamic_ncols=True,
        )

    def advance(self, position: int) -> None:
        if self.bar is not None and position > self.bar.n:
            self.bar.update(position - self.bar.n)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.update(self.bar.total - self.bar.n)
            self.bar.close()
            self.bar = None


def counting_bar(label: str, total: int, unit: str, stream, enabled: bool = True) -> tqdm:
    """A bar counting things (questions, rows), for work whose size is known up front."""
    return tqdm(
        total=total,
        desc=label,
        unit=unit,
        unit_scale=True,
        file=stream,
        disable=not enabled,
        mininterval=0.5,
        dynamic_ncols=True,
    )
