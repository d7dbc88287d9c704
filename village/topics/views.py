from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from village.questions.queries import question_list
from village.questions.views import QUESTIONS_PER_PAGE
from village.topics.models import Topic


@require_GET
def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    questions = question_list(topic.questions.all())
    page = Paginator(questions, QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "topics/detail.html", {"topic": topic, "page": page})
