"""The timeline page and the programme-plan exports."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from iso20k.core.exports import DOCX_TYPE, XLSX_TYPE, file_response
from iso20k.core.htmx import render_page

from .. import access, exports, timeline
from .context import programme_context


@login_required
def programme_timeline(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_programme_for(request.user, pk)
    whole = request.GET.get("range") == "all"
    context = {
        **programme_context(request.user, programme, "timeline"),
        **timeline.build(programme, whole=whole),
    }
    return render_page(request, "programme/timeline.html", context)


def _filename(programme, extension: str) -> str:
    stamp = timezone.localdate().isoformat()
    return f"programme-plan-{programme.pk}-{stamp}.{extension}"


@login_required
def export_plan(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    programme = access.get_programme_for(request.user, pk)
    with_budget = access.can_view_budget(request.user)
    if extension == "docx":
        content = exports.plan_docx(programme, with_budget=with_budget)
        return file_response(content, filename=_filename(programme, "docx"), content_type=DOCX_TYPE)
    content = exports.plan_xlsx(programme, with_budget=with_budget)
    return file_response(content, filename=_filename(programme, "xlsx"), content_type=XLSX_TYPE)
