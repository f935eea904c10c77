"""Pages of customers: list, detail (contacts, services, agreements, portal users), edits."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from iso20k.core.views import ObjectDetailView, ObjectListView, ServiceActionView, ServiceFormView

from . import access, forms, querysets, services
from .filtersets import CustomerFilterSet
from .tables import CustomerTable


class ReadersOnly:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_view(request.user):
            from django.http import Http404

            raise Http404
        return super().dispatch(request, *args, **kwargs)


class CustomerListView(ReadersOnly, ObjectListView):
    template_name = "customers/customer_list.html"
    table_class = CustomerTable
    filterset_class = CustomerFilterSet

    def get_queryset(self):
        return querysets.for_list(access.visible_customers(self.request.user))

    def extra_context(self):
        return {"can_manage": access.can_manage(self.request.user)}


class CustomerDetailView(ReadersOnly, ObjectDetailView):
    template_name = "customers/customer_detail.html"

    def get_object(self):
        return access.get_customer_for(self.request.user, self.kwargs["code"])

    def extra_context(self, obj):
        return {
            "can_manage": access.can_manage(self.request.user),
            "contacts": obj.contacts.all(),
            **querysets.related_of(obj),
        }


class CustomerCreateView(ServiceFormView):
    template_name = "customers/customer_form.html"
    form_class = forms.CustomerForm
    success_message = gettext_lazy("The customer was added.")

    def load(self):
        access.check_manage(self.request.user)

    def perform(self, form):
        return services.create_customer(actor=self.request.user, **form.cleaned_data)


class CustomerEditView(ServiceFormView):
    template_name = "customers/customer_form.html"
    form_class = forms.CustomerEditForm
    success_message = gettext_lazy("The customer was saved.")

    def load(self):
        self.object = access.get_customer_for(self.request.user, self.kwargs["code"], "edit")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.CUSTOMER_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_customer(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class CustomerActivationView(ServiceActionView):
    form_class = forms.ConfirmForm
    active = False

    def load(self):
        self.object = access.get_customer_for(self.request.user, self.kwargs["code"], "edit")
        name = {"customer": self.object}
        if self.active:
            self.title = _("Reactivate %(customer)s") % name
            self.explanation = _("The customer can be chosen for services and agreements again.")
        else:
            self.title = _("Retire %(customer)s") % name
            self.explanation = _(
                "The customer stays on record with its history. Revoke its users' customer "
                "roles separately if they should no longer sign in."
            )
            self.button_class = "btn-danger"

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.set_customer_active(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            active=self.active,
        )


class ContactCreateView(ServiceFormView):
    template_name = "customers/contact_form.html"
    form_class = forms.ContactForm
    success_message = gettext_lazy("The contact was added.")

    def load(self):
        self.customer = access.get_customer_for(self.request.user, self.kwargs["code"], "edit")

    def extra_context(self):
        return {"customer": self.customer}

    def perform(self, form):
        services.add_contact(self.customer, actor=self.request.user, **form.cleaned_data)
        return self.customer


class ContactEditView(ContactCreateView):
    form_class = forms.ContactEditForm
    success_message = gettext_lazy("The contact was saved.")

    def load(self):
        super().load()
        self.object = access.get_contact_for(
            self.request.user, self.customer, self.kwargs["pk"], "edit"
        )

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.CONTACT_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_contact(
            self.object, actor=self.request.user, expected_version=version, **data
        ).customer


class ContactRemoveView(ServiceActionView):
    form_class = forms.ConfirmForm
    button_class = "btn-danger"

    def load(self):
        customer = access.get_customer_for(self.request.user, self.kwargs["code"], "edit")
        self.object = access.get_contact_for(self.request.user, customer, self.kwargs["pk"], "edit")
        self.title = _("Remove the contact %(name)s") % {"name": self.object.name}
        self.explanation = _("The contact is removed; the customer's history keeps a note of it.")
        self.button_label = _("Remove")

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.remove_contact(
            self.object, actor=self.request.user, expected_version=form.cleaned_data["version"]
        )

    def get_success_url(self, result):
        return reverse("customers:customer-detail", args=[result.code])
