"""Pages of the programme team and the RACI of processes to people."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.catalogue.querysets import get_clause
from iso20k.core.htmx import render_page
from iso20k.core.views import ObjectDetailView, ServiceActionView, ServiceFormView

from .. import access, forms, raci, services
from .context import programme_context


@login_required
def team(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_programme_for(request.user, pk)
    members = list(programme.team.for_list().in_role_order())
    active = [m for m in members if m.left_on is None]
    context = {
        **programme_context(request.user, programme, "team"),
        "members": members,
        "departments": sorted({m.department for m in active if m.department}),
        "people": len({m.person_id for m in active}),
    }
    return render_page(request, "programme/team.html", context)


class MemberCreateView(ServiceFormView):
    template_name = "programme/object_form.html"
    form_class = forms.MemberForm
    success_message = _("The person was added to the team.")

    def load(self):
        self.programme = access.get_programme_for(self.request.user, self.kwargs["pk"], "edit")

    def extra_context(self):
        return {"programme": self.programme, "heading": _("Add a team member")}

    def perform(self, form):
        return services.add_member(self.programme, actor=self.request.user, **form.cleaned_data)

    def get_success_url(self, result):
        return reverse("programme:team", args=[self.programme.pk])


class MemberDetailView(ObjectDetailView):
    template_name = "programme/member_detail.html"

    def get_object(self):
        return access.get_member_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        letters = raci.letters_of(obj)
        return {**programme_context(self.request.user, obj.programme), "letters": letters}


class MemberEditView(ServiceFormView):
    template_name = "programme/object_form.html"
    form_class = forms.MemberEditForm
    success_message = _("The team member was saved.")

    def load(self):
        self.object = access.get_member_for(self.request.user, self.kwargs["pk"], "edit")

    def extra_context(self):
        return {"programme": self.object.programme, "heading": _("Edit team member")}

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.MEMBER_FIELDS}
        initial["process"] = self.object.process.number if self.object.process else None
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_member(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class MemberLeaveView(ServiceActionView):
    form_class = forms.LeaveForm
    title = _("Leave the team")
    explanation = _("The person stays on record as a former member, with the date they left.")
    button_class = "btn-warning"

    def load(self):
        self.object = access.get_member_for(self.request.user, self.kwargs["pk"], "edit")
        self.button_label = self.title

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        data = form.cleaned_data
        return services.leave_team(
            self.object,
            actor=self.request.user,
            expected_version=data["version"],
            left_on=data["left_on"],
        )


@login_required
def raci_matrix(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_programme_for(request.user, pk)
    context = {**programme_context(request.user, programme, "raci"), **raci.matrix(programme)}
    return render_page(request, "programme/raci.html", context)


class RaciEditView(ServiceFormView):
    template_name = "programme/raci_form.html"
    form_class = forms.RaciForm
    success_message = _("The RACI was saved.")

    def load(self):
        self.programme = access.get_programme_for(self.request.user, self.kwargs["pk"], "edit")
        self.clause = get_clause(self.kwargs["number"])
        if self.clause is None:
            raise Http404
        self.row = self.programme.raci_rows.filter(clause=self.clause).first()
        self.object = self.row

    def get_form(self, data=None, files=None):
        members = self.programme.team.active().for_list().in_role_order()
        initial = raci.form_initial(self.row)
        return self.form_class(data, initial=initial, members=members)

    def extra_context(self):
        from iso20k.history.querysets import for_object

        records = for_object(self.row) if self.row is not None else []
        return {"programme": self.programme, "clause": self.clause, "history_records": records}

    def perform(self, form):
        return services.set_process_raci(
            self.programme,
            actor=self.request.user,
            clause=self.clause,
            letters=form.letters(),
            expected_version=form.cleaned_data.get("version"),
        )

    def get_success_url(self, result):
        return reverse("programme:raci", args=[self.programme.pk])
