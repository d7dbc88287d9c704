from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from village.accounts.models import User
from village.accounts.permissions import is_moderator
from village.accounts.services import update_profile
from village.people.forms import ProfileForm
from village.questions.models import Answer, Question

LISTED = 20


def profile(request, pk: int):
    """A member's public page: who they are and what they have written."""
    person = get_object_or_404(
        User.objects.select_related("profile", "expert_profile"), pk=pk, is_active=True
    )
    questions = Question.objects.filter(author=person, status=Question.Status.PUBLISHED)
    own_page = request.user.is_authenticated and request.user.pk == person.pk
    if not (own_page or is_moderator(request.user)):
        questions = questions.filter(is_anonymous=False)
    answers = Answer.objects.filter(
        Q(author=person) & Q(question__status=Question.Status.PUBLISHED)
    ).select_related("question")
    if not (own_page or is_moderator(request.user)):
        answers = answers.filter(hidden_at__isnull=True, deleted_at__isnull=True)
    context = {
        "person": person,
        "own_page": own_page,
        "question_count": questions.count(),
        "answer_count": answers.count(),
        "questions": questions.order_by("-created_at")[:LISTED],
        "answers": answers.order_by("-created_at")[:LISTED],
    }
    return render(request, "people/profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user.profile)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update_profile(
                request.user,
                display_name=data["display_name"],
                headline=data["headline"],
                city=data["city"],
                country=data["country"],
                bio=data["bio"],
                avatar_upload=data.get("avatar_upload"),
                remove_avatar=data.get("remove_avatar", False),
            )
        except ValidationError as error:
            form.add_error("avatar_upload", error)
        else:
            messages.success(request, "Your profile is saved.")
            return redirect("people:profile", pk=request.user.pk)
    return render(request, "people/edit.html", {"form": form})
