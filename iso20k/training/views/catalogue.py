"""Pages of the training overview, courses, competences and requirements per role."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iso20k.core.htmx import render_page
from iso20k.core.views import ObjectDetailView, ServiceActionView, ServiceFormView

from .. import access, forms, querysets, services
from ..choices import AWARENESS_KINDS, SessionStatus
from ..models import CompetenceRequirement


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    access.check_view(request.user)
    sessions = access.visible_sessions(request.user)
    now = timezone.now()
    context = {
        "upcoming": sessions.filter(status=SessionStatus.PLANNED, ends_at__gte=now).order_by(
            "starts_at"
        )[:10],
        "recent": sessions.exclude(status=SessionStatus.PLANNED).order_by("-starts_at")[:10],
        "awareness": sessions.filter(
            course__kind__in=AWARENESS_KINDS, status=SessionStatus.HELD
        ).order_by("-starts_at")[:6],
        "courses": access.visible_courses(request.user).prefetch_related("competences"),
        "coverage": querysets.awareness_coverage(),
        "can_manage": access.can_manage(request.user),
        "can_view_all": access.can_view_all(request.user),
    }
    return render_page(request, "training/overview.html", context)


class CourseCreateView(ServiceFormView):
    template_name = "training/object_form.html"
    form_class = forms.CourseForm
    success_message = _("The course was created.")

    def load(self):
        access.check_manage(self.request.user)

    def extra_context(self):
        return {"heading": _("New course")}

    def perform(self, form):
        data = dict(form.cleaned_data)
        competences = data.pop("competences")
        return services.create_course(actor=self.request.user, competences=competences, **data)


class CourseDetailView(ObjectDetailView):
    template_name = "training/course_detail.html"

    def get_object(self):
        return access.get_course_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        return {
            "sessions": obj.sessions.order_by("-starts_at"),
            "can_manage": access.can_manage(self.request.user),
        }


class CourseEditView(ServiceFormView):
    template_name = "training/object_form.html"
    form_class = forms.CourseEditForm
    success_message = _("The course was saved.")

    def load(self):
        self.object = access.get_course_for(self.request.user, self.kwargs["pk"], "manage")

    def extra_context(self):
        return {"heading": _("Edit course")}

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.COURSE_FIELDS}
        initial.update(competences=list(self.object.competences.all()), version=self.object.version)
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version, competences = data.pop("version"), data.pop("competences")
        return services.update_course(
            self.object,
            actor=self.request.user,
            expected_version=version,
            competences=competences,
            **data,
        )


@login_required
def competence_list(request: HttpRequest) -> HttpResponse:
    access.check_view(request.user)
    competences = access.visible_competences(request.user).prefetch_related("clauses")
    context = {"competences": competences, "can_manage": access.can_manage(request.user)}
    return render_page(request, "training/competence_list.html", context)


class CompetenceCreateView(ServiceFormView):
    template_name = "training/object_form.html"
    form_class = forms.CompetenceForm
    success_message = _("The competence was defined.")

    def load(self):
        access.check_manage(self.request.user)

    def extra_context(self):
        return {"heading": _("New competence")}

    def perform(self, form):
        data = dict(form.cleaned_data)
        clauses = data.pop("clauses")
        return services.create_competence(actor=self.request.user, clauses=clauses, **data)


class CompetenceDetailView(ObjectDetailView):
    template_name = "training/competence_detail.html"

    def get_object(self):
        return access.get_competence_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        return {
            "courses": obj.courses.all(),
            "requirements": obj.requirements.filter(is_active=True),
            "records": access.visible_records(self.request.user).filter(
                competence=obj, withdrawn_at__isnull=True
            ),
            "can_manage": access.can_manage(self.request.user),
        }


class CompetenceEditView(ServiceFormView):
    template_name = "training/object_form.html"
    form_class = forms.CompetenceEditForm
    success_message = _("The competence was saved.")

    def load(self):
        self.object = access.get_competence_for(self.request.user, self.kwargs["pk"], "manage")

    def extra_context(self):
        return {"heading": _("Edit competence")}

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.COMPETENCE_FIELDS}
        initial.update(clauses=list(self.object.clauses.all()), version=self.object.version)
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version, clauses = data.pop("version"), data.pop("clauses")
        return services.update_competence(
            self.object, actor=self.request.user, expected_version=version, clauses=clauses, **data
        )


class RequirementListView(ServiceFormView):
    """The competences each role requires, with a form to add one (lead only)."""

    template_name = "training/requirement_list.html"
    form_class = forms.RequirementForm
    success_message = _("The requirement was added.")

    def load(self):
        access.check_view(self.request.user)
        if self.request.method == "POST":
            access.check_manage(self.request.user)

    def extra_context(self):
        requirements = CompetenceRequirement.objects.filter(is_active=True).select_related(
            "competence"
        )
        return {"requirements": requirements, "can_manage": access.can_manage(self.request.user)}

    def perform(self, form):
        return services.require_competence(actor=self.request.user, **form.cleaned_data)


class RequirementRetireView(ServiceActionView):
    form_class = forms.RetireForm
    title = _("Retire the requirement")
    explanation = _("The role no longer requires this competence. The requirement stays on record.")
    button_class = "btn-warning"

    def load(self):
        access.check_manage(self.request.user)
        self.object = CompetenceRequirement.objects.filter(
            pk=self.kwargs["pk"], is_active=True
        ).first()
        if self.object is None:
            from django.http import Http404

            raise Http404
        self.button_label = self.title

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.retire_requirement(
            self.object, actor=self.request.user, expected_version=form.cleaned_data["version"]
        )

    def get_success_url(self, result):
        return reverse("training:requirement-list")
