"""Lapse reports: SLA achievement per service and month, tickets open past their deadline,
reopen rate and satisfaction, each as a page with a chart and a CSV / XLSX export (cells
neutralised against formulas). Readers of the desk see the kinds their role covers."""

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from iso20k.core import exports
from iso20k.core.forms import OptionChoiceField, OptionList
from iso20k.core.htmx import render_page
from iso20k.core.i18n import NAME_FIELDS, name_or_code
from iso20k.servicecatalogue.models import Service
from iso20k.slas.display import describe_rows

from .. import access, kinds
from ..reporting import charts, lapses

MONTH_CHOICES = [(3, "3"), (6, "6"), (12, "12"), (24, "24")]


class ReportFilter(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Tickets"), required=False)
    months = forms.TypedChoiceField(
        label=gettext_lazy("Months"),
        choices=MONTH_CHOICES,
        coerce=int,
        required=False,
        initial=12,
    )
    service = OptionChoiceField(
        label=gettext_lazy("Service"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=gettext_lazy("Every service"),
    )
    order = forms.ChoiceField(
        label=gettext_lazy("Order"),
        choices=[
            (lapses.GridOrder.WORST, gettext_lazy("Lowest first")),
            (lapses.GridOrder.NAME, gettext_lazy("By service name")),
        ],
        required=False,
    )
    page = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, kind_choices) -> None:
        super().__init__(data)
        self.fields["kind"].choices = kind_choices
        services = Service.objects.order_by("code")
        self.fields["service"].use(OptionList(services, NAME_FIELDS, name_or_code))


def month_label(month) -> str:
    return month.strftime("%Y-%m")


class ReportView(LoginRequiredMixin, View):
    template_name: str
    report: str
    title = ""
    ranks_services = False  # a page of services with an order to choose (self.grid)

    def readable_kinds(self) -> list:
        return [k for k in kinds.registered() if k.can_view(self.request.user)]

    def setup_filter(self):
        readable = self.readable_kinds()
        if not readable:
            raise Http404
        form = ReportFilter(
            {"months": 12, **self.request.GET.dict()},
            kind_choices=[
                (k.desk, str(k.model._meta.verbose_name_plural).capitalize()) for k in readable
            ],
        )
        form.is_valid()
        data = getattr(form, "cleaned_data", {})
        self.params = data
        kind = kinds.for_desk(data.get("kind") or readable[0].desk)
        if kind not in readable:
            kind = readable[0]
        months = lapses.months_back(data.get("months") or 12)
        return form, kind, months, data.get("service")

    def get(self, request, *args, **kwargs):
        form, kind, months, service = self.setup_filter()
        context = {
            "form": form,
            "kind": kind,
            "months": months,
            "service": service,
            "report": self.report,
            "title": self.title,
            "ranks_services": self.ranks_services,
            **self.data(kind, months, service),
        }
        export = request.GET.get("format")
        if export in ("csv", "xlsx"):
            headers, rows = self.table(context)
            name = f"{self.report}-{kind.desk}-{timezone.localdate():%Y%m%d}"
            if export == "csv":
                return exports.csv_response(headers, rows, f"{name}.csv")
            book = exports.workbook()
            exports.add_sheet(book, str(self.title), headers, rows)
            return exports.xlsx_response(book, f"{name}.xlsx")
        return render_page(request, self.template_name, context)

    def data(self, kind, months, service) -> dict:
        raise NotImplementedError

    def grid(self, kind, months, service, metric: str) -> lapses.ServiceGrid:
        """A page of services, lowest `metric` first unless asked by name; exports hold all."""
        exporting = self.request.GET.get("format") in ("csv", "xlsx")
        return lapses.service_grid(
            kind,
            months,
            service,
            order=self.params.get("order") or lapses.GridOrder.WORST,
            metric=metric,
            page=self.params.get("page") or 1,
            size=None if exporting else lapses.SERVICES_SHOWN,
        )

    def table(self, context) -> tuple[list, list]:
        raise NotImplementedError


class ReportsView(LoginRequiredMixin, View):
    def get(self, request):
        access.check_desk_reader(request.user)
        return redirect("servicedesk:report-achievement")


class AchievementView(ReportView):
    template_name = "servicedesk/report_achievement.html"
    report = "achievement"
    ranks_services = True
    title = gettext_lazy("SLA achievement per service and month")

    def data(self, kind, months, service):
        totals = lapses.by_month(kind, months, service)
        return {
            "totals": totals,
            "grid": self.grid(kind, months, service, "resolution_pct"),
            "chart": charts.achievement(totals),
        }

    def table(self, context):
        headers = [
            _("Service"),
            _("Month"),
            _("Resolved in time"),
            _("Resolved late"),
            _("Resolution target met (%)"),
            _("Responded in time"),
            _("Responded late"),
            _("Response target met (%)"),
        ]
        rows = []
        for service, per_month, _total in context["grid"]:
            for figures in per_month:
                rows.append(
                    [
                        service,
                        month_label(figures.month),
                        figures.resolution_met,
                        figures.resolution_missed,
                        figures.resolution_pct,
                        figures.response_met,
                        figures.response_missed,
                        figures.response_pct,
                    ]
                )
        return headers, rows


class OverdueView(ReportView):
    template_name = "servicedesk/report_overdue.html"
    report = "overdue"
    title = gettext_lazy("Tickets open past their deadline")

    def data(self, kind, months, service):
        limit = lapses.EXPORT_LIMIT if self.request.GET.get("format") else lapses.OVERDUE_SHOWN
        rows, count, now = lapses.overdue(kind, self.request.user, service=service, limit=limit)
        sla = describe_rows(rows, now)
        return {"rows": [(row, sla[row.pk]) for row in rows], "count": count}

    def table(self, context):
        headers = [
            _("Reference"),
            _("Subject"),
            _("Priority"),
            _("Status"),
            _("Customer"),
            _("Service"),
            _("Support group"),
            _("Assignee"),
            _("Reported at"),
            _("Deadline"),
            _("Overdue by (business time)"),
        ]
        rows = [
            [
                ticket.reference,
                ticket.subject,
                ticket.priority,
                ticket.get_status_display(),
                str(ticket.customer or ""),
                str(ticket.service or ""),
                str(ticket.assigned_group or ""),
                str(ticket.assignee or ""),
                ticket.reported_at,
                ticket.sla_breach_at,
                sla.text,
            ]
            for ticket, sla in context["rows"]
        ]
        return headers, rows


class ReopensView(ReportView):
    template_name = "servicedesk/report_reopens.html"
    report = "reopens"
    title = gettext_lazy("Reopen rate")

    def data(self, kind, months, service):
        totals = lapses.by_month(kind, months, service)
        return {"totals": totals, "chart": charts.reopens(totals)}

    def table(self, context):
        headers = [_("Month"), _("Opened"), _("Resolved"), _("Reopened"), _("Reopen rate (%)")]
        rows = [
            [month_label(f.month), f.opened, f.resolved, f.reopened, f.reopen_pct]
            for f in context["totals"]
        ]
        return headers, rows


class SatisfactionView(ReportView):
    template_name = "servicedesk/report_satisfaction.html"
    report = "satisfaction"
    ranks_services = True
    title = gettext_lazy("Customer satisfaction")

    def data(self, kind, months, service):
        totals = lapses.by_month(kind, months, service)
        return {
            "totals": totals,
            "grid": self.grid(kind, months, service, "rating_average"),
            "chart": charts.satisfaction(totals),
        }

    def table(self, context):
        headers = [_("Service"), _("Month"), _("Ratings"), _("Average (1–5)"), _("Resolved")]
        rows = []
        for service, per_month, _total in context["grid"]:
            for f in per_month:
                rows.append(
                    [
                        service,
                        month_label(f.month),
                        f.rated,
                        f.rating_average,
                        f.resolved,
                    ]
                )
        return headers, rows
