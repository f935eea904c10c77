"""Readiness pages: the clause heat map, a clause's checks, a check's records, as-of
evaluations, and signed snapshots with their verification and exports."""

from collections import defaultdict

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from iso20k.catalogue.models import Clause
from iso20k.core.htmx import render_page
from iso20k.core.views import ServiceFormView, redirect_after_post

from . import access, exports, forms, querysets, registry, scoring, services
from . import messages as texts
from .models import Evaluation, EvaluationState, Outcome


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _statuses(outcomes: dict[str, Outcome]) -> dict[str, str]:
    return {code: outcome.status for code, outcome in outcomes.items()}


def _heatmap(readiness: scoring.Readiness) -> list[dict]:
    return [
        {"group": group, "score": readiness.groups.get(group), "clauses": items}
        for group, items in readiness.by_group().items()
        if items
    ]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    access.check_view_readiness(request.user)
    latest = querysets.latest_live_evaluation()
    outcomes = querysets.latest_outcomes()
    readiness = scoring.compute(_statuses(outcomes), timezone.now())
    trend = querysets.trend()
    chart = {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 40, "right": 16, "top": 16, "bottom": 32},
        "xAxis": {"type": "category", "data": [day for day, _score in trend]},
        "yAxis": {"type": "value", "min": 0, "max": 100},
        "series": [
            {
                "type": "line",
                "data": [score for _day, score in trend],
                "smooth": True,
                "areaStyle": {"opacity": 0.15},
                "name": _("Readiness"),
            }
        ],
    }
    context = {
        "latest": latest,
        "readiness": readiness,
        "heatmap": _heatmap(readiness),
        "failing": sorted(
            (o for o in outcomes.values() if o.status in ("fail", "error")), key=lambda o: o.code
        ),
        "trend_chart": chart,
        "has_trend": len(trend) > 1,
        "can_evaluate": access.can_evaluate(request.user),
        "as_of_form": forms.AsOfForm(),
    }
    return render_page(request, "evidence/dashboard.html", context)


@login_required
@require_POST
def evaluate_now(request: HttpRequest) -> HttpResponse:
    if not access.can_evaluate(request.user):
        raise Http404
    from .tasks import evaluate_all

    evaluate_all.enqueue()
    messages.info(
        request,
        _("A full evaluation is queued; the page shows its result when the worker has run it."),
    )
    return redirect_after_post(request, reverse("evidence:dashboard"))


class AsOfView(ServiceFormView):
    template_name = "evidence/as_of.html"
    form_class = forms.AsOfForm

    def load(self):
        access.check_view_readiness(self.request.user)

    def perform(self, form):
        return services.request_as_of(form.cleaned_data["as_of"], actor=self.request.user)


def _resolve(refs: list[list[str]]) -> list[dict]:
    """Turn stored references into rows with links, one query per record type."""
    by_type = defaultdict(list)
    for object_type, object_id, _label in refs:
        by_type[object_type].append(object_id)
    found = {}
    for object_type, ids in by_type.items():
        try:
            model = apps.get_model(object_type)
        except (LookupError, ValueError):
            continue
        for obj in model._default_manager.filter(pk__in=ids):
            found[(object_type, str(obj.pk))] = obj
    rows = []
    for object_type, object_id, label in refs:
        obj = found.get((object_type, object_id))
        url = obj.get_absolute_url() if obj is not None and hasattr(obj, "get_absolute_url") else ""
        model_name = object_type
        if obj is not None:
            model_name = str(obj._meta.verbose_name)
        rows.append({"label": label, "url": url, "kind": model_name, "exists": obj is not None})
    return rows


def _outcome_rows(outcomes) -> list[dict]:
    rows = []
    for outcome in outcomes:
        check = registry.get(outcome.code)
        rows.append(
            {
                "outcome": outcome,
                "title": texts.title(outcome.code),
                "text": texts.render(outcome.code, outcome.status, outcome.params),
                "clauses": check.clauses if check else (),
            }
        )
    return rows


@login_required
def clause_readiness(request: HttpRequest, number: str) -> HttpResponse:
    access.check_view_readiness(request.user)
    clause = get_object_or_404(Clause.objects.current(), number=number)
    evaluation = (
        Evaluation.objects.filter(pk=request.GET.get("evaluation") or None).first()
        if _is_uuid(request.GET.get("evaluation", ""))
        else None
    )
    if evaluation is not None:
        outcomes = {o.code: o for o in querysets.outcomes_of(evaluation)}
        moment = evaluation.as_of
    else:
        outcomes, moment = querysets.latest_outcomes(), timezone.now()
    readiness = scoring.compute(_statuses(outcomes), moment)
    item = next((c for c in readiness.clauses if c.number == number), None)
    checks = registry.checks_for_clause(number)
    rows = _outcome_rows([outcomes[c.code] for c in checks if c.code in outcomes])
    not_run = [c for c in checks if c.code not in outcomes]
    context = {
        "clause": clause,
        "item": item,
        "rows": rows,
        "not_run": not_run,
        "latest": evaluation or querysets.latest_live_evaluation(),
    }
    return render_page(request, "evidence/clause.html", context)


@login_required
def check_detail(request: HttpRequest, code: str) -> HttpResponse:
    access.check_view_readiness(request.user)
    check = registry.get(code)
    if check is None:
        raise Http404
    evaluation_id = request.GET.get("evaluation")
    if evaluation_id:
        outcome = Outcome.objects.filter(code=code, evaluation_id=evaluation_id).first()
    else:
        outcome = querysets.latest_outcomes().get(code)
    context = {
        "check": check,
        "outcome": outcome,
        "text": texts.render(code, outcome.status, outcome.params) if outcome else "",
        "records": _resolve(outcome.refs) if outcome else [],
        "clauses": Clause.objects.filter(number__in=check.clauses),
    }
    return render_page(request, "evidence/check.html", context)


@login_required
def evaluation_detail(request: HttpRequest, pk) -> HttpResponse:
    access.check_view_readiness(request.user)
    evaluation = get_object_or_404(Evaluation, pk=pk)
    outcomes = {o.code: o for o in querysets.outcomes_of(evaluation)}
    readiness = scoring.compute(_statuses(outcomes), evaluation.as_of)
    context = {
        "evaluation": evaluation,
        "readiness": readiness,
        "heatmap": _heatmap(readiness),
        "rows": _outcome_rows(outcomes.values()),
        "pending": evaluation.state == EvaluationState.PENDING,
        "can_snapshot": access.can_take_snapshot(request.user)
        and evaluation.state == EvaluationState.DONE
        and not hasattr(evaluation, "snapshot"),
    }
    return render_page(
        request,
        "evidence/evaluation.html",
        context,
        partial="evaluation" if request.GET.get("poll") else None,
    )


@login_required
def snapshot_list(request: HttpRequest) -> HttpResponse:
    snapshots = access.visible_snapshots(request.user).select_related("evaluation", "taken_by")
    if not snapshots.exists() and not access.can_view_readiness(request.user):
        raise Http404
    return render_page(
        request,
        "evidence/snapshot_list.html",
        {"snapshots": snapshots[:200], "can_snapshot": access.can_take_snapshot(request.user)},
    )


class SnapshotCreateView(ServiceFormView):
    template_name = "evidence/snapshot_form.html"
    form_class = forms.SnapshotForm
    success_message = gettext_lazy("The snapshot was taken and signed.")

    def load(self):
        access.check_view_readiness(self.request.user)
        evaluation_id = self.request.GET.get("evaluation") or self.request.POST.get("evaluation")
        self.evaluation = (
            Evaluation.objects.filter(pk=evaluation_id).first() if evaluation_id else None
        )

    def extra_context(self):
        return {"evaluation": self.evaluation}

    def perform(self, form):
        return services.take_snapshot(
            actor=self.request.user, evaluation=self.evaluation, **form.cleaned_data
        )


@login_required
def snapshot_detail(request: HttpRequest, pk) -> HttpResponse:
    snapshot = access.get_snapshot_for(request.user, pk)
    outcomes = {o.code: o for o in querysets.outcomes_of(snapshot.evaluation)}
    readiness = scoring.compute(_statuses(outcomes), snapshot.evaluation.as_of)
    from iso20k.history.querysets import for_object

    context = {
        "snapshot": snapshot,
        "check": services.verify_snapshot(snapshot),
        "readiness": readiness,
        "heatmap": _heatmap(readiness),
        "rows": _outcome_rows(outcomes.values()),
        "history_records": for_object(snapshot),
    }
    return render_page(
        request, "evidence/snapshot_detail.html", context, partial=request.GET.get("partial")
    )


@login_required
def snapshot_export(request: HttpRequest, pk, fmt: str) -> HttpResponse:
    snapshot = access.get_snapshot_for(request.user, pk)
    language = request.GET.get("lang", "")
    return exports.snapshot_response(snapshot, fmt, language or request.LANGUAGE_CODE)
