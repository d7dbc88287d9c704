from django.core.management.base import BaseCommand

from village.demo.loader import load_demo
from village.questions.models import Question


class Command(BaseCommand):
    help = "Load Village's fictional demo community (once; running it again changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only load when the database has no questions at all (used by `make run`).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Question.objects.exists():
            self.stdout.write("The database already has questions; demo content not loaded.")
            return
        counts = load_demo(progress=lambda message: self.stdout.write(f"  {message}"))
        if not any(counts.values()):
            self.stdout.write("Demo content is already loaded; nothing to do.")
            return
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Loaded demo content: {summary}."))
