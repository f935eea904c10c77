"""Generic views, written once: lists, detail pages, service-backed forms and actions.

App views are declarations on top of these. A form view binds the form, calls one
service and responds: 303 on success (HX-Redirect for htmx), 422 with the form partial
on invalid input, 409 with a conflict banner (input kept) on a stale version.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View
from django_tables2 import RequestConfig

from . import journey
from .errors import ConflictError
from .htmx import render_page


def redirect_after_post(request: HttpRequest, url: str) -> HttpResponse:
    if getattr(request, "htmx", None):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url, status=303)


def conflict_context(exc: ConflictError) -> dict:
    from iso20k.history.querysets import changes_since

    records = changes_since(exc.current, exc.expected_version) if exc.current is not None else []
    return {"current": exc.current, "records": records}


def apply_validation_error(form, exc: ValidationError) -> None:
    """Place a service's field-keyed errors on the form's fields (or on the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class ObjectListView(LoginRequiredMixin, View):
    """A filtered, sortable table of what access.py lets the user see."""

    template_name: str
    table_class = None
    filterset_class = None
    partial = "results"
    paginate_by = 50

    def get_queryset(self) -> models.QuerySet:
        raise NotImplementedError

    def extra_context(self) -> dict:
        return {}

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        queryset = self.get_queryset()
        filterset = None
        if self.filterset_class is not None:
            filterset = self.filterset_class(
                request.GET or None, queryset=queryset, request=request
            )
            queryset = filterset.qs
        table = self.table_class(queryset, request=request)
        RequestConfig(request, paginate={"per_page": self.paginate_by}).configure(table)
        context = {"table": table, "filterset": filterset, **self.extra_context()}
        return render_page(request, self.template_name, context, partial=self.partial)


class ObjectDetailView(LoginRequiredMixin, View):
    """One object, fetched through access.py (404 when invisible), with its history panel."""

    template_name: str

    def get_object(self) -> models.Model:
        raise NotImplementedError

    def extra_context(self, obj: models.Model) -> dict:
        return {}

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        from iso20k.history.querysets import for_object

        obj = self.get_object()
        context = {"object": obj, "history_records": for_object(obj), **self.extra_context(obj)}
        return render_page(request, self.template_name, context, partial=request.GET.get("partial"))


class ServiceFormView(LoginRequiredMixin, View):
    """GET shows the form; POST validates it and calls exactly one service (`perform`)."""

    template_name: str
    form_class = None
    partial = "form"
    success_message: str | None = None

    def setup(self, request: HttpRequest, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.object = None

    def load(self) -> None:
        """Fetch the object through access.py (and check the action); sets self.object."""

    def get_form_kwargs(self) -> dict:
        return {}

    def get_form(self, data=None, files=None):
        return self.form_class(data, files, **self.get_form_kwargs())

    def perform(self, form) -> models.Model:
        raise NotImplementedError

    def get_success_url(self, result: models.Model) -> str:
        return result.get_absolute_url()

    def extra_context(self) -> dict:
        return {}

    def respond(self, form, *, status: int = 200, conflict: dict | None = None) -> HttpResponse:
        context = {
            "form": form,
            "object": self.object,
            "conflict": conflict,
            **self.extra_context(),
        }
        return render_page(
            self.request, self.template_name, context, partial=self.partial, status=status
        )

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.load()
        return self.respond(self.get_form())

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.load()
        form = self.get_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.respond(form, status=422)
        try:
            result = self.perform(form)
        except ValidationError as exc:
            apply_validation_error(form, exc)
            return self.respond(form, status=422)
        except ConflictError as exc:
            if exc.current is not None and "version" in form.fields:
                form.data = form.data.copy()
                form.data["version"] = exc.current.version
            return self.respond(form, status=409, conflict=conflict_context(exc))
        if self.success_message:
            messages.success(request, self.success_message)
        return redirect_after_post(request, self.get_success_url(result))


class ServiceActionView(ServiceFormView):
    """A workflow action (approve, revoke…): GET asks for confirmation, POST performs it."""

    template_name = "components/confirm_action.html"
    title: str = ""
    explanation: str = ""
    button_label: str = ""
    button_class = "btn-primary"

    def extra_context(self) -> dict:
        return {
            "title": self.title,
            "explanation": self.explanation,
            "button_label": self.button_label or _("Confirm"),
            "button_class": self.button_class,
            "cancel_url": self.object.get_absolute_url() if self.object else "/",
        }


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The readiness journey: the seven stages and where the organisation stands on each."""
    from iso20k.accounts import access

    from . import landing

    elsewhere = landing.landing_for(request.user)
    if elsewhere:
        return HttpResponseRedirect(elsewhere)
    context = {
        "stages": journey.stages_for(request.user),
        "grants": access.active_grants(request.user),
    }
    return render(request, "core/home.html", context)


def health(request: HttpRequest) -> HttpResponse:
    """Liveness and database check for load balancers (no login, no details)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def forbidden_if(condition: bool) -> None:
    if condition:
        raise PermissionDenied


def plain_page(
    request: HttpRequest, template: str, context: dict, status: int = 200
) -> HttpResponse:
    return render(request, template, context, status=status)
