"""Pages of support groups: list, detail (members, manager, open tickets), create, edit."""

from django.utils.translation import gettext_lazy

from iso20k.core.views import ObjectDetailView, ObjectListView, ServiceFormView

from .. import access, forms, querysets
from ..services import groups as services
from ..tables import GroupTable


class Readers:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            access.check_desk_reader(request.user)
        return super().dispatch(request, *args, **kwargs)


class GroupListView(Readers, ObjectListView):
    template_name = "servicedesk/group_list.html"
    table_class = GroupTable

    def get_queryset(self):
        return querysets.for_list(access.visible_groups(self.request.user))

    def extra_context(self):
        return {"can_manage": access.can_manage_groups(self.request.user)}


class GroupDetailView(Readers, ObjectDetailView):
    template_name = "servicedesk/group_detail.html"

    def get_object(self):
        return access.get_group_for(self.request.user, self.kwargs["code"])

    def extra_context(self, obj):
        from .. import kinds

        open_counts = [
            (kind, kind.visible(self.request.user).filter(assigned_group=obj, is_open=True).count())
            for kind in kinds.registered()
            if kind.can_view(self.request.user)
        ]
        return {
            "can_manage": access.can_manage_groups(self.request.user),
            "members": obj.members.order_by("username"),
            "open_counts": open_counts,
        }


class GroupCreateView(ServiceFormView):
    template_name = "servicedesk/group_form.html"
    form_class = forms.GroupForm
    success_message = gettext_lazy("The support group was created.")

    def load(self):
        access.check_manage_groups(self.request.user)

    def perform(self, form):
        return services.create_group(actor=self.request.user, **form.cleaned_data)


class GroupEditView(ServiceFormView):
    template_name = "servicedesk/group_form.html"
    form_class = forms.GroupEditForm
    success_message = gettext_lazy("The support group was saved.")

    def load(self):
        self.object = access.get_group_for(self.request.user, self.kwargs["code"], "edit")

    def get_form(self, data=None, files=None):
        group = self.object
        initial = {name: getattr(group, name) for name in services.GROUP_FIELDS}
        initial.update(members=list(group.members.all()), version=group.version)
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version, members = data.pop("version"), data.pop("members")
        return services.update_group(
            self.object,
            actor=self.request.user,
            expected_version=version,
            members=members,
            **data,
        )
