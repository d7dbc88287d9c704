"""`manage.py generate_community --questions N`: a synthetic community, for trying Village at
scale and for benchmarks. Adds to what the database holds; meant for a fresh or test database.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from village.importers.community import CHUNK, CommunityGenerator
from village.importers.progress import counting_bar

# Posts (questions + answers + replies) per question with the default shape, measured.
POSTS_PER_QUESTION = 6.3


class Command(BaseCommand):
    help = (
        "Generate a realistic synthetic community: members, experts, topics, questions, "
        "answers, replies and helpful votes. The search index is rebuilt at the end, so run it "
        "while the site takes no writes."
    )

    def add_arguments(self, parser):
        size = parser.add_mutually_exclusive_group(required=True)
        size.add_argument("--questions", type=int, help="How many questions to create.")
        size.add_argument(
            "--posts",
            type=int,
            help=f"About how many posts (questions, answers and replies together) to create; "
            f"about {POSTS_PER_QUESTION:g} per question.",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="The same seed, the same community."
        )
        parser.add_argument(
            "--password",
            default=None,
            help="Give every generated member this password (e.g. to sign in as one for a "
            "benchmark). Without it nobody can sign in as them.",
        )
        parser.add_argument(
            "--chunk",
            type=int,
            default=CHUNK,
            help="Questions per transaction (default %(default)s).",
        )

    def handle(self, *args, questions, posts, seed, password, chunk, **options):
        total = questions if questions is not None else max(1, round(posts / POSTS_PER_QUESTION))
        if total < 1:
            raise CommandError("Ask for at least one question.")
        show = options["verbosity"] >= 1
        stream = self.stderr._out
        bar = counting_bar("Questions", total, " questions", stream, enabled=show)

        def on_chunk(done, counts):
            bar.update(done - bar.n)
            bar.set_postfix(posts=f"{counts.posts:,}", refresh=False)

        index_bar = None

        def reindex(done, all_questions):
            nonlocal index_bar
            if index_bar is None:
                bar.close()
                index_bar = counting_bar("Search index", all_questions, " questions", stream, show)
            index_bar.update(done - index_bar.n)

        generator = CommunityGenerator(
            total, seed=seed, password=password, chunk=chunk, on_chunk=on_chunk
        )
        started = time.perf_counter()
        counts = generator.run(reindex=reindex)
        elapsed = time.perf_counter() - started
        bar.close()
        if index_bar is not None:
            index_bar.close()
        if show:
            self.stdout.write(
                f"Made {counts.posts:,} posts in {elapsed:.1f} s ({counts.posts / elapsed:,.0f} "
                f"posts/s): {counts.questions:,} questions, {counts.answers:,} answers, "
                f"{counts.replies:,} replies, {counts.votes:,} helpful votes, "
                f"{counts.members:,} members ({counts.experts:,} verified experts), "
                f"{counts.topics:,} new topics, {counts.follows:,} follows."
            )
