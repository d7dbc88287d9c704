from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_POST, require_safe

from village.common.pagecache import cache_for_readers
from village.questions.listings import topic_page
from village.topics import services
from village.topics.models import Topic
from village.topics.queries import is_following_topic


@require_safe
@cache_for_readers
def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    page = topic_page(
        topic, after=request.GET.get("after", ""), before=request.GET.get("before", "")
    )
    context = {
        "topic": topic,
        "page": page,
        "following": is_following_topic(request.user, topic),
    }
    return render(request, "topics/detail.html", context)


def _follow_button(request, topic: Topic, following: bool):
    if request.htmx:
        return render(request, "topics/_follow.html", {"topic": topic, "following": following})
    return redirect(topic)


@require_POST
def follow(request, slug: str):
    """Follow a topic: its new questions appear in the member's "For you" feed."""
    topic = get_object_or_404(Topic, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(topic.get_absolute_url())
    try:
        services.follow_topic(user=request.user, topic=topic)
    except PermissionDenied as refusal:
        if request.htmx:
            message = format_html('<p class="refusal" role="alert">{}</p>', refusal)
            return HttpResponse(message, status=403)
        return render(request, "questions/refused.html", {"reason": str(refusal)}, status=403)
    return _follow_button(request, topic, following=True)


@require_POST
def unfollow(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(topic.get_absolute_url())
    services.unfollow_topic(user=request.user, topic=topic)
    return _follow_button(request, topic, following=False)
