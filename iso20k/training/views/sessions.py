"""Pages of training sessions, invitations, attendance, results and certificates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from iso20k.core.views import (
    ObjectDetailView,
    ServiceActionView,
    ServiceFormView,
    apply_validation_error,
    redirect_after_post,
)

from .. import access, forms, services


class SessionCreateView(ServiceFormView):
    template_name = "training/object_form.html"
    form_class = forms.SessionCreateForm
    success_message = gettext_lazy("The session was scheduled; invite the attendees.")

    def load(self):
        access.check_manage(self.request.user)

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"course": self.request.GET.get("course")})

    def extra_context(self):
        return {"heading": gettext_lazy("New session")}

    def perform(self, form):
        data = dict(form.cleaned_data)
        course = data.pop("course")
        return services.schedule_session(course, actor=self.request.user, **data)


class SessionDetailView(ObjectDetailView):
    template_name = "training/session_detail.html"

    def get_object(self):
        return access.get_session_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        return session_context(self.request.user, obj)


def session_context(user, session, invite_form=None) -> dict:
    from iso20k.history.querysets import for_object

    return {
        "object": session,
        "history_records": for_object(session),
        "attendances": access.visible_attendances(user).filter(session=session),
        "can_manage": access.can_manage(user),
        "can_view_all": access.can_view_all(user),
        "invite_form": invite_form or forms.InviteForm(),
    }


class SessionEditView(ServiceFormView):
    template_name = "training/object_form.html"
    form_class = forms.SessionEditForm
    success_message = gettext_lazy("The session was saved.")

    def load(self):
        self.object = access.get_session_for(self.request.user, self.kwargs["pk"], "manage")

    def extra_context(self):
        return {"heading": gettext_lazy("Edit session")}

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.SESSION_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_session(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class SessionActionView(ServiceActionView):
    """Mark a session as held, or cancel it."""

    action = "hold"

    def load(self):
        self.object = access.get_session_for(self.request.user, self.kwargs["pk"], "manage")
        if self.action == "hold":
            self.title = _("Mark the session as held")
            self.explanation = _("Then record who attended and their results.")
            self.button_class = "btn-success"
        else:
            self.title = _("Cancel the session")
            self.explanation = _("Invitations stay on record; say why it is cancelled.")
            self.button_class = "btn-danger"
        self.button_label = self.title

    def get_form(self, data=None, files=None):
        form_class = forms.HoldForm if self.action == "hold" else forms.CancelForm
        return form_class(
            data, initial={"version": self.object.version, "summary": self.object.summary}
        )

    def perform(self, form):
        data = form.cleaned_data
        kwargs = {"actor": self.request.user, "expected_version": data["version"]}
        if self.action == "hold":
            return services.hold_session(self.object, summary=data["summary"], **kwargs)
        return services.cancel_session(self.object, reason=data["reason"], **kwargs)


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for(request.user, pk, "manage")
    form = forms.InviteForm(request.POST)
    if form.is_valid():
        try:
            created = services.invite(
                session, actor=request.user, people=form.cleaned_data["people"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("%(n)s invited.") % {"n": len(created)})
            return redirect_after_post(request, session.get_absolute_url())
    context = {
        "object": session,
        "invite_form": form,
        "history_records": [],
        "attendances": session.attendances.select_related("person"),
        "can_manage": True,
        "can_view_all": True,
    }
    return render(request, "training/session_detail.html", context, status=422)


class AttendanceDetailView(ObjectDetailView):
    template_name = "training/attendance_detail.html"

    def get_object(self):
        return access.get_attendance_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        return attendance_context(self.request.user, obj)


def attendance_context(user, attendance, file_form=None) -> dict:
    from iso20k.files.services import files_of
    from iso20k.history.querysets import for_object

    return {
        "object": attendance,
        "history_records": for_object(attendance),
        "certificates": files_of(attendance),
        "records": attendance.competence_records.select_related("competence"),
        "can_manage": access.can_manage(user),
        "file_form": file_form or forms.FileForm(),
    }


class AttendanceEditView(ServiceFormView):
    template_name = "training/object_form.html"
    form_class = forms.AttendanceForm
    success_message = gettext_lazy("The attendance was recorded.")

    def load(self):
        self.object = access.get_attendance_for(self.request.user, self.kwargs["pk"], "manage")

    def extra_context(self):
        return {"heading": gettext_lazy("Record attendance and result")}

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.ATTENDANCE_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.record_attendance(
            self.object, actor=self.request.user, expected_version=version, **data
        )

    def get_success_url(self, result):
        return result.session.get_absolute_url()


@login_required
@require_POST
def add_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    attendance = access.get_attendance_for(request.user, pk, "manage")
    form = forms.FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_certificate(
                attendance, actor=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The certificate was attached."))
            return redirect_after_post(request, attendance.get_absolute_url())
    context = attendance_context(request.user, attendance, form)
    return render(request, "training/attendance_detail.html", context, status=422)
