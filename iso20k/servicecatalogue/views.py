"""Pages of the service catalogue: services, their request items and the field editor."""

from django.http import Http404
from django.utils.translation import gettext_lazy

from iso20k.core.views import ObjectDetailView, ObjectListView, ServiceActionView, ServiceFormView

from . import access, fieldschema, forms, querysets, services
from .choices import ServiceStatus
from .filtersets import ServiceFilterSet
from .tables import ServiceTable


class ReadersOnly:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_view(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


def check_manage(user) -> None:
    if not access.can_view(user):
        raise Http404
    if not access.can_manage(user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied


class ServiceListView(ReadersOnly, ObjectListView):
    template_name = "servicecatalogue/service_list.html"
    table_class = ServiceTable
    filterset_class = ServiceFilterSet

    def get_queryset(self):
        return querysets.for_list(access.visible_services(self.request.user))

    def extra_context(self):
        return {"can_manage": access.can_manage(self.request.user)}


class ServiceDetailView(ReadersOnly, ObjectDetailView):
    template_name = "servicecatalogue/service_detail.html"

    def get_object(self):
        return access.get_service_for(self.request.user, self.kwargs["code"])

    def extra_context(self, obj):
        return {
            "can_manage": access.can_manage(self.request.user),
            **querysets.related_of(obj),
        }


class ServiceCreateView(ServiceFormView):
    template_name = "servicecatalogue/service_form.html"
    form_class = forms.ServiceForm
    success_message = gettext_lazy("The service was added to the pipeline.")

    def load(self):
        check_manage(self.request.user)

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"owner": self.request.user.pk})

    def perform(self, form):
        return services.create_service(actor=self.request.user, **form.cleaned_data)


class ServiceEditView(ServiceFormView):
    template_name = "servicecatalogue/service_form.html"
    form_class = forms.ServiceEditForm
    success_message = gettext_lazy("The service was saved.")

    def load(self):
        self.object = access.get_service_for(self.request.user, self.kwargs["code"], "edit")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.SERVICE_FIELDS}
        initial.update(
            code=self.object.code,
            customers=list(self.object.customers.all()),
            version=self.object.version,
        )
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version, customers = data.pop("version"), data.pop("customers")
        return services.update_service(
            self.object,
            actor=self.request.user,
            expected_version=version,
            customers=customers,
            **data,
        )


class ServiceStatusView(ServiceActionView):
    form_class = forms.ConfirmForm
    status = ServiceStatus.LIVE
    TEXT = {
        "live": (
            gettext_lazy("Take the service live"),
            gettext_lazy(
                "Its customers will see it and its request items in the portal, and new "
                "tickets can name it."
            ),
            "btn-success",
        ),
        "retired": (
            gettext_lazy("Retire the service"),
            gettext_lazy(
                "Customers no longer see it; open tickets keep it. You can bring it back later."
            ),
            "btn-danger",
        ),
    }

    def load(self):
        self.object = access.get_service_for(self.request.user, self.kwargs["code"], "edit")
        self.title, self.explanation, self.button_class = self.TEXT[self.status]
        self.button_label = self.title

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.change_service_status(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            status=self.status,
        )


class ItemDetailView(ReadersOnly, ObjectDetailView):
    template_name = "servicecatalogue/item_detail.html"

    def get_object(self):
        self.service = access.get_service_for(self.request.user, self.kwargs["code"])
        return access.get_item_for(self.request.user, self.service, self.kwargs["item"])

    def extra_context(self, obj):
        preview = fieldschema.build_form_class(obj.fields)(prefix="preview")
        for field in preview.fields.values():
            field.disabled = True
        return {
            "service": self.service,
            "preview": preview,
            "can_manage": access.can_manage(self.request.user),
        }


class ItemFormView(ServiceFormView):
    """Create or edit a request item and its form fields (a formset); "Add a field" posts
    the form back with one more blank row and saves nothing."""

    template_name = "servicecatalogue/item_form.html"
    form_class = forms.RequestItemForm

    def load(self):
        self.service = access.get_service_for(self.request.user, self.kwargs["code"], "edit")

    def initial(self) -> dict:
        return {"is_active": True}

    def get_form(self, data=None, files=None):
        form = self.form_class(data, initial=self.initial())
        existing = self.object.fields if self.object else []
        if data is not None and "add_field" in data:
            data = data.copy()
            data["fields-TOTAL_FORMS"] = int(data.get("fields-TOTAL_FORMS") or 0) + 1
        form.formset = forms.FieldFormSet(
            data,
            initial=[forms.FieldDefinitionForm.initial_for(d) for d in existing],
            prefix="fields",
        )
        return form

    def post(self, request, *args, **kwargs):
        if "add_field" in request.POST:
            self.load()
            return self.respond(self.get_form(request.POST))
        return super().post(request, *args, **kwargs)

    def extra_context(self):
        return {"service": self.service}

    def item_data(self, form) -> dict:
        data = dict(form.cleaned_data)
        data.pop("version", None)
        data["fields"] = forms.definitions_from(form.formset)
        return data

    def perform(self, form):
        data = self.item_data(form)
        return services.create_request_item(self.service, actor=self.request.user, **data)


class ItemEditView(ItemFormView):
    form_class = forms.RequestItemEditForm
    success_message = gettext_lazy("The request item was saved.")

    def load(self):
        super().load()
        self.object = access.get_item_for(self.request.user, self.service, self.kwargs["item"])

    def initial(self) -> dict:
        initial = {n: getattr(self.object, n) for n in services.ITEM_FIELDS if n != "fields"}
        return {**initial, "version": self.object.version}

    def perform(self, form):
        return services.update_request_item(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            **self.item_data(form),
        )


ItemFormView.success_message = gettext_lazy("The request item was added.")
