"""Pages of assessments: list, create, detail with heat map, rate a clause, complete, copy,
compare, and the gap-report exports."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iso20k.core.exports import DOCX_TYPE, XLSX_TYPE, file_response
from iso20k.core.htmx import render_page
from iso20k.core.views import ObjectDetailView, ServiceFormView

from .. import access, charts, exports, querysets, services
from .. import forms as gap_forms
from ..models import Assessment


@login_required
def assessment_list(request: HttpRequest) -> HttpResponse:
    access.check_view(request.user)
    assessments = list(access.visible_assessments(request.user))
    ratings = querysets.ratings_by_assessment([a.pk for a in assessments])
    open_gaps = querysets.open_gap_counts([a.pk for a in assessments])
    for assessment in assessments:
        assessment.score = querysets.score(ratings.get(assessment.pk, []))
        assessment.open_gaps = open_gaps.get(assessment.pk, 0)
    context = {"assessments": assessments, "can_manage": access.can_manage(request.user)}
    return render_page(request, "gaps/assessment_list.html", context)


class AssessmentCreateView(ServiceFormView):
    template_name = "gaps/assessment_form.html"
    form_class = gap_forms.AssessmentForm
    success_message = _("The assessment was started; rate each clause.")

    def load(self):
        access.check_manage(self.request.user)

    def get_form(self, data=None, files=None):
        from iso20k.programme.models import Programme

        initial = {
            "assessed_on": timezone.localdate(),
            "assessors": [self.request.user.pk],
            "programme": Programme.objects.current(),
        }
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        assessors = data.pop("assessors")
        return services.create_assessment(actor=self.request.user, assessors=assessors, **data)


class AssessmentEditView(ServiceFormView):
    template_name = "gaps/assessment_form.html"
    form_class = gap_forms.AssessmentEditForm
    success_message = _("The assessment was saved.")

    def load(self):
        self.object = access.get_assessment_for(self.request.user, self.kwargs["pk"], "manage")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.ASSESSMENT_FIELDS}
        initial.update(assessors=list(self.object.assessors.all()), version=self.object.version)
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version, assessors = data.pop("version"), data.pop("assessors")
        return services.update_assessment(
            self.object,
            actor=self.request.user,
            expected_version=version,
            assessors=assessors,
            **data,
        )


class AssessmentDetailView(ObjectDetailView):
    template_name = "gaps/assessment_detail.html"

    def get_object(self):
        return access.get_assessment_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        ratings = list(obj.ratings.for_map().select_related("rated_by"))
        gaps = obj.gaps.for_list().prioritised()
        open_counts = dict(
            obj.gaps.open()
            .values("clause_id")
            .annotate(n=Count("pk"))
            .values_list("clause_id", "n")
        )
        score = querysets.score(ratings)
        return {
            "score": score,
            "legend": charts.legend(score),
            "next_unrated": next((r for r in ratings if r.rating == "not_rated"), None),
            "sections": charts.heat_map(ratings, open_counts),
            "gaps": gaps,
            "can_manage": access.can_manage(self.request.user),
            "can_rate": access.can_rate(self.request.user, obj),
            "others": access.visible_assessments(self.request.user).exclude(pk=obj.pk),
        }


class RatingView(ServiceFormView):
    """One clause of an assessment: its rating form, evidence and gaps."""

    template_name = "gaps/rating_form.html"
    form_class = gap_forms.RatingForm
    success_message = _("The rating was saved.")

    def load(self):
        action = "rate" if self.request.method == "POST" else "view"
        self.object = access.get_rating_for(
            self.request.user, self.kwargs["pk"], self.kwargs["number"], action
        )

    def get_form(self, data=None, files=None):
        rating = self.object
        initial = {
            "rating": None if rating.rating == "not_rated" else rating.rating,
            "justification": rating.justification,
            "notes": rating.notes,
            "version": rating.version,
        }
        return self.form_class(data, initial=initial)

    def extra_context(self):
        return rating_context(self.request.user, self.object)

    def perform(self, form):
        data = form.cleaned_data
        return services.rate_clause(
            self.object,
            actor=self.request.user,
            expected_version=data["version"],
            rating_value=data["rating"],
            justification=data["justification"],
            notes=data["notes"],
        )

    def get_success_url(self, result):
        following = querysets.next_unrated(result)
        return following.get_absolute_url() if following else result.assessment.get_absolute_url()


def rating_context(user, rating) -> dict:
    from iso20k.files.services import files_of
    from iso20k.history.querysets import for_object

    assessment = rating.assessment
    return {
        "assessment": assessment,
        "clause": rating.clause,
        "evidence": [f for f in files_of(rating) if f.withdrawn_at is None],
        "evidence_form": gap_forms.EvidenceForm(),
        "gaps": assessment.gaps.for_list().filter(clause=rating.clause),
        "gap_form": gap_forms.GapForm(initial={"clause": rating.clause.number}, fixed_clause=True),
        "can_rate": access.can_rate(user, assessment),
        "history_records": for_object(rating),
        "neighbours": querysets.neighbours(rating),
    }


class CompleteView(ServiceFormView):
    template_name = "gaps/assessment_action.html"
    form_class = gap_forms.CompleteForm
    success_message = _("The assessment was completed and is now frozen.")

    def load(self):
        self.object = access.get_assessment_for(self.request.user, self.kwargs["pk"], "manage")

    def get_form(self, data=None, files=None):
        initial = {"version": self.object.version, "summary": self.object.summary}
        return self.form_class(data, initial=initial)

    def extra_context(self):
        return {
            "title": _("Complete the assessment"),
            "explanation": _(
                "Every clause must be rated. Afterwards the ratings are frozen; start the "
                "next assessment as a copy of this one."
            ),
        }

    def perform(self, form):
        data = form.cleaned_data
        return services.complete_assessment(
            self.object,
            actor=self.request.user,
            expected_version=data["version"],
            summary=data["summary"],
        )


class CopyView(ServiceFormView):
    template_name = "gaps/assessment_action.html"
    form_class = gap_forms.CopyForm
    success_message = _("The new assessment was started from the copy.")

    def load(self):
        self.object = access.get_assessment_for(self.request.user, self.kwargs["pk"], "manage")

    def get_form(self, data=None, files=None):
        initial = {
            "title": "",
            "assessed_on": timezone.localdate(),
            "assessors": list(self.object.assessors.all()),
        }
        return self.form_class(data, initial=initial)

    def extra_context(self):
        return {
            "title": _("Start the next assessment from this one"),
            "explanation": _(
                "Conforming and not-applicable ratings are carried over and marked so; every "
                "clause below conforming is reset to be judged again, with this assessment's "
                "rating shown beside it. This assessment and its gaps stay as they are."
            ),
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        assessors = data.pop("assessors")
        return services.copy_assessment(
            self.object, actor=self.request.user, assessors=assessors, **data
        )


@login_required
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    second = access.get_assessment_for(request.user, pk)
    visible = access.visible_assessments(request.user)
    first = visible.filter(pk=request.GET.get("with") or 0).first() or querysets.previous_of(
        second, visible
    )
    context = {"object": second, "first": first, "others": visible.exclude(pk=second.pk)}
    if first is not None:
        changes = querysets.compare(first, second)
        context.update(
            changes=changes,
            chart=charts.comparison_chart(first, second, changes),
            tally=querysets.tally(changes),
            score_before=querysets.score(first.ratings.all()),
            score_after=querysets.score(second.ratings.all()),
        )
    return render_page(request, "gaps/compare.html", context)


@login_required
def export_report(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    assessment = access.get_assessment_for(request.user, pk)
    stamp = timezone.localdate().isoformat()
    filename = f"gap-report-{assessment.pk}-{stamp}.{extension}"
    if extension == "docx":
        content = exports.report_docx(assessment)
        return file_response(content, filename=filename, content_type=DOCX_TYPE)
    return file_response(exports.report_xlsx(assessment), filename=filename, content_type=XLSX_TYPE)


def assessment_url(assessment: Assessment) -> str:
    return reverse("gaps:assessment-detail", args=[assessment.pk])
