"""factory_boy factories that build rows through Village's own services."""

import itertools

import factory
from django.test import Client

from tests.two_factor import turn_on_two_factor
from village.accounts.services import create_member
from village.experts.models import ExpertProfile
from village.questions import services
from village.questions.models import Answer
from village.topics.models import Topic

_emails = itertools.count(1)


class MemberFactory(factory.Factory):
    class Meta:
        model = dict

    email = factory.LazyFunction(lambda: f"member{next(_emails)}@example.org")
    display_name = factory.Faker("name")
    headline = ""
    city = ""
    country = ""
    role = "member"
    password = None
    email_verified = True
    # Moderators and admins can't act without an authenticator app, so they get one (its
    # secret is on user.totp_secret); pass two_factor=False for one who hasn't set it up.
    two_factor = factory.LazyAttribute(lambda o: o.role in ("moderator", "admin"))

    @classmethod
    def _create(cls, model_class, two_factor=False, **kwargs):
        user = create_member(**kwargs)
        if two_factor:
            turn_on_two_factor(user)
        return user

    _build = _create


class ExpertFactory(MemberFactory):
    class Meta:
        model = dict

    area = "E-safety"
    verified = True

    @classmethod
    def _create(cls, model_class, area="E-safety", verified=True, two_factor=False, **kwargs):
        user = create_member(**kwargs)
        if two_factor:
            turn_on_two_factor(user)
        ExpertProfile.objects.create(user=user, area=area, verified=verified)
        return user

    _build = _create


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    description = "Questions about this topic."


class QuestionFactory(factory.Factory):
    class Meta:
        model = dict

    author = factory.SubFactory(MemberFactory)
    title = factory.Sequence(lambda n: f"How do we handle situation number {n}?")
    body = "We have tried a few things and would love ideas."

    @classmethod
    def _create(cls, model_class, **kwargs):
        return services.ask_question(**kwargs)

    _build = _create


class AnswerFactory(factory.Factory):
    class Meta:
        model = dict

    question = factory.SubFactory(QuestionFactory)
    author = factory.SubFactory(MemberFactory)
    body = "Here is what worked for us, one small step at a time."
    kind = Answer.Kind.EXPERIENCE

    @classmethod
    def _create(cls, model_class, **kwargs):
        return services.post_answer(**kwargs)

    _build = _create


def signed_in(user) -> Client:
    """A test client signed in as this person (no form, no password)."""
    client = Client()
    client.force_login(user)
    return client
