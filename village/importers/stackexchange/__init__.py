"""Importing Stack Exchange data dumps: dump.py reads them, importer.py writes Village rows."""

from village.importers.stackexchange.base import BATCH_SIZE, Progress, Tally
from village.importers.stackexchange.importer import StackExchangeImporter

__all__ = ["BATCH_SIZE", "Progress", "StackExchangeImporter", "Tally"]
