"""Atom feeds: the newest questions, the newest in one topic, and one question's answers.

Links are built from the request's host, like the canonical links on the pages; a feed
object is made per request (see `per_request`) so nothing leaks between two requests.
"""

import re

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from village.experts.badges import is_verified_expert
from village.questions.models import Answer, Question
from village.topics.models import Topic

FEED_LENGTH = 30
PEOPLE = ("author__profile",)

# Characters XML 1.0 can't carry (tab, line feed and carriage return are fine). Django's feed
# writer refuses them with an error, so one stray control character pasted into a title or a
# name would break the whole feed for everyone.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    """The value with characters XML can't carry left out, inside lists too."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_safe(v) for v in value)
    return value


class XMLSafeAtom1Feed(Atom1Feed):
    def write(self, outfile, encoding):
        self.feed = {key: xml_safe(value) for key, value in self.feed.items()}
        self.items = [{key: xml_safe(value) for key, value in item.items()} for item in self.items]
        super().write(outfile, encoding)


def per_request(feed_class):
    def view(request, *args, **kwargs):
        return feed_class(request)(request, *args, **kwargs)

    view.__name__ = feed_class.__name__
    return view


def _author_name(post) -> str:
    if getattr(post, "is_anonymous", False):
        return "Anonymous parent"
    return post.author.profile.display_name


class _VillageFeed(Feed):
    feed_type = XMLSafeAtom1Feed

    def __init__(self, request):
        self.origin = f"{request.scheme}://{request.get_host()}"
        self.path = request.path

    def absolute(self, path: str) -> str:
        return f"{self.origin}{path}"

    def feed_url(self):
        return self.absolute(self.path)


class _QuestionsFeed(_VillageFeed):
    def questions(self):
        return (
            Question.objects.filter(status=Question.Status.PUBLISHED)
            .select_related(*PEOPLE)
            .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
            .order_by("-created_at", "-pk")
        )

    def item_title(self, question):
        return question.title

    def item_description(self, question):
        return question.body_html

    def item_link(self, question):
        return self.absolute(question.get_absolute_url())

    def item_author_name(self, question):
        return _author_name(question)

    def item_pubdate(self, question):
        return question.created_at

    def item_updateddate(self, question):
        return question.edited_at or question.created_at

    def item_categories(self, question):
        return [topic.name for topic in question.topics.all()]


class NewestQuestionsFeed(_QuestionsFeed):
    title = "Village: newest questions"
    subtitle = "New questions from parents, answered by verified experts and other parents."

    def link(self):
        return self.absolute("/")

    def items(self):
        return self.questions()[:FEED_LENGTH]


class TopicFeed(_QuestionsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return f"Village: {topic.name}"

    def subtitle(self, topic):
        return topic.description or f"New questions about {topic.name}."

    def link(self, topic):
        return self.absolute(topic.get_absolute_url())

    def items(self, topic):
        return self.questions().filter(topics=topic)[:FEED_LENGTH]


class AnswersFeed(_VillageFeed):
    """The answers to one question, newest first: follow a conversation in a feed reader."""

    def get_object(self, request, pk):
        return get_object_or_404(Question, pk=pk, status=Question.Status.PUBLISHED)

    def title(self, question):
        return f"Answers to “{question.title}”"

    def subtitle(self, question):
        return "New answers on Village, from verified experts and other parents."

    def link(self, question):
        return self.absolute(question.get_absolute_url())

    def items(self, question):
        answers = (
            Answer.objects.filter(
                question=question, deleted_at__isnull=True, hidden_at__isnull=True
            )
            .select_related(*PEOPLE, "author__expert_profile")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )
        for answer in answers:
            answer.question = question
        return answers

    def item_title(self, answer):
        label = " (expert answer)" if is_verified_expert(answer.author) else ""
        return f"{_author_name(answer)}{label}: {answer.get_kind_display()}"

    def item_description(self, answer):
        return answer.body_html

    def item_link(self, answer):
        return self.absolute(answer.get_absolute_url())

    def item_author_name(self, answer):
        return _author_name(answer)

    def item_pubdate(self, answer):
        return answer.created_at

    def item_updateddate(self, answer):
        return answer.edited_at or answer.created_at
