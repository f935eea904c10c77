"""Pages of the history: the whole log (keyset-paged by position) and chain verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from iso20k.core.htmx import render_page

from . import access, events
from .models import ChainHead, ChainVerification, ChangeRecord

PAGE = 50


@login_required
def record_list(request: HttpRequest) -> HttpResponse:
    access.check_view_all(request.user)
    records = ChangeRecord.objects.select_related("actor").order_by("-seq")
    event = request.GET.get("event", "")
    if event:
        records = records.filter(event=event)
    actor = request.GET.get("actor", "").strip()
    if actor:
        records = records.filter(actor_label=actor)
    before = request.GET.get("before", "")
    if before.isdigit():
        records = records.filter(seq__lt=int(before))
    page = list(records[: PAGE + 1])
    query = request.GET.copy()
    query.pop("before", None)
    next_url = None
    if len(page) > PAGE:
        query["before"] = page[PAGE - 1].seq
        next_url = f"?{query.urlencode()}"
    context = {
        "records": page[:PAGE],
        "next_url": next_url,
        "event": event,
        "actor": actor,
        "event_choices": sorted(events.registered().items(), key=lambda i: str(i[1])),
    }
    return render_page(request, "history/record_list.html", context, partial="results")


@login_required
def record_detail(request: HttpRequest, seq: int) -> HttpResponse:
    access.check_view_all(request.user)
    record = ChangeRecord.objects.select_related("actor").filter(seq=seq).first()
    if record is None:
        raise Http404
    return render(request, "history/record_detail.html", {"record": record})


@login_required
def verification(request: HttpRequest) -> HttpResponse:
    access.check_view_all(request.user)
    context = {
        "latest": ChainVerification.objects.first(),
        "runs": ChainVerification.objects.all()[:20],
        "head": ChainHead.objects.filter(pk=1).first(),
        "can_verify": access.can_verify(request.user),
    }
    return render(request, "history/verification.html", context)


@login_required
@require_POST
def verify_now(request: HttpRequest) -> HttpResponse:
    if not access.can_verify(request.user):
        raise Http404
    from .tasks import verify_history_chain

    verify_history_chain.enqueue()
    messages.info(request, _("Verification queued; the worker runs it within a minute."))
    return HttpResponseRedirect(reverse("history:verification"), status=303)
