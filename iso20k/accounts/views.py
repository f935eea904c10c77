"""Pages of accounts: sign-in, own profile, and the administration of users and grants."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from iso20k.core.views import (
    ObjectDetailView,
    ObjectListView,
    ServiceActionView,
    ServiceFormView,
    redirect_after_post,
)

from . import access, forms, services
from .filtersets import UserFilterSet
from .querysets import with_active_grants
from .tables import GrantTable, UserTable


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = forms.LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        services.record_login(form.get_user())
        return response

    def form_invalid(self, form):
        services.record_failed_login(
            self.request.POST.get("username", ""),
            locked_out=getattr(self.request, "axes_locked_out", False),
        )
        return self.render_to_response(self.get_context_data(form=form), status=422)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        services.record_logout(request.user)
    return auth_views.LogoutView.as_view()(request)


def locked_out(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    """Shown while a user name and address cool off after repeated failures (axes)."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; a signed-in user's choice is kept on their profile."""
    from django.conf import settings
    from django.utils import translation

    language = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(target)
    if request.user.is_authenticated and request.user.language != language:
        services.update_preferences(
            request.user,
            actor=request.user,
            expected_version=request.user.version,
            language=language,
            time_zone=request.user.time_zone,
        )
    translation.activate(language)
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 86400,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


class PreferencesView(ServiceFormView):
    template_name = "accounts/preferences.html"
    form_class = forms.PreferencesForm
    success_message = gettext_lazy("Your preferences were saved.")

    def load(self):
        self.object = self.request.user

    def get_form(self, data=None, files=None):
        user = self.request.user
        initial = {
            "display_name": user.display_name,
            "language": user.language,
            "time_zone": user.time_zone,
            "version": user.version,
        }
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = form.cleaned_data
        return services.update_preferences(
            self.request.user,
            actor=self.request.user,
            expected_version=data["version"],
            language=data["language"],
            time_zone=data["time_zone"],
            display_name=data["display_name"],
        )

    def get_success_url(self, result):
        return reverse("accounts:preferences")

    def extra_context(self):
        from knox.models import AuthToken

        return {
            "tokens": AuthToken.objects.filter(user=self.request.user).order_by("-created"),
            "grants": access.active_grants(self.request.user),
        }


class PasswordChangeView(ServiceFormView):
    template_name = "accounts/password_change.html"
    form_class = forms.PasswordChangeForm
    success_message = gettext_lazy("Your password was changed.")

    def perform(self, form):
        user = services.change_password(
            self.request.user,
            actor=self.request.user,
            old_password=form.cleaned_data["old_password"],
            new_password=form.cleaned_data["new_password1"],
        )
        update_session_auth_hash(self.request, user)
        return user

    def get_success_url(self, result):
        return reverse("accounts:preferences")


@login_required
@require_POST
def issue_token(request: HttpRequest) -> HttpResponse:
    instance, secret = services.issue_api_token(request.user, actor=request.user)
    messages.success(request, _("New API token (shown only once): %(token)s") % {"token": secret})
    return redirect_after_post(request, reverse("accounts:preferences"))


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_key: str) -> HttpResponse:
    services.revoke_api_token(request.user, actor=request.user, token_key=token_key)
    messages.success(request, _("The API token was revoked."))
    return redirect_after_post(request, reverse("accounts:preferences"))


class AdminOnly:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.is_administrator(request.user):
            from django.http import Http404

            raise Http404
        return super().dispatch(request, *args, **kwargs)


class UserListView(AdminOnly, ObjectListView):
    template_name = "accounts/user_list.html"
    table_class = UserTable
    filterset_class = UserFilterSet

    def get_queryset(self):
        return with_active_grants(access.visible_users(self.request.user))


class UserDetailView(ObjectDetailView):
    template_name = "accounts/user_detail.html"

    def get_object(self):
        return access.get_user_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        grants = access.visible_grants(self.request.user).filter(user=obj).for_list()
        return {
            "grant_table": GrantTable(grants.order_by("-valid_from"), orderable=False),
            "can_admin": access.is_administrator(self.request.user),
        }


class UserCreateView(AdminOnly, ServiceFormView):
    template_name = "accounts/user_form.html"
    form_class = forms.UserCreateForm
    success_message = gettext_lazy("The user was created.")

    def get_form(self, data=None, files=None):
        from django.conf import settings

        return self.form_class(data, initial={"time_zone": settings.TIME_ZONE})

    def perform(self, form):
        return services.create_user(actor=self.request.user, **form.cleaned_data)


class UserEditView(ServiceFormView):
    template_name = "accounts/user_form.html"
    form_class = forms.UserEditForm
    success_message = gettext_lazy("The user was saved.")

    def load(self):
        self.object = access.get_user_for(self.request.user, self.kwargs["pk"], "change")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.PROFILE_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_user(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class UserSetPasswordView(ServiceFormView):
    template_name = "accounts/user_set_password.html"
    form_class = forms.SetPasswordForm
    success_message = gettext_lazy("The password was set.")

    def load(self):
        self.object = access.get_user_for(self.request.user, self.kwargs["pk"], "change")

    def perform(self, form):
        return services.set_password(
            self.object, actor=self.request.user, new_password=form.cleaned_data["new_password1"]
        )


class UserActivationView(ServiceActionView):
    form_class = forms.ActivationForm
    activate = True

    def load(self):
        self.object = access.get_user_for(self.request.user, self.kwargs["pk"], "change")
        self.title = _("Reactivate %(user)s") if self.activate else _("Deactivate %(user)s")
        self.title = self.title % {"user": self.object}
        self.explanation = (
            _("The user will be able to sign in again with their existing roles.")
            if self.activate
            else _("The user will no longer be able to sign in. Their records and history stay.")
        )
        self.button_class = "btn-primary" if self.activate else "btn-danger"

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.set_user_active(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            active=self.activate,
        )


class GrantCreateView(ServiceFormView):
    template_name = "accounts/grant_form.html"
    form_class = forms.GrantForm
    success_message = gettext_lazy("The role was granted.")

    def load(self):
        self.object = access.get_user_for(self.request.user, self.kwargs["pk"], "change")

    def perform(self, form):
        data = form.cleaned_data
        return services.grant_role(
            self.object,
            actor=self.request.user,
            role=data["role"],
            scope_kind=data["scope_kind"],
            scope_ref=data["scope_ref"],
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
            note=data["note"],
        )


class GrantDetailView(ObjectDetailView):
    template_name = "accounts/grant_detail.html"

    def get_object(self):
        return access.get_grant_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        from . import scopes

        return {
            "can_admin": access.is_administrator(self.request.user),
            "scope_label": scopes.label(obj.scope_kind, obj.scope_ref),
        }


class GrantEditView(ServiceFormView):
    template_name = "accounts/grant_form.html"
    form_class = forms.GrantEditForm
    success_message = gettext_lazy("The grant was saved.")

    def load(self):
        self.object = access.get_grant_for(self.request.user, self.kwargs["pk"], "change")

    def get_form(self, data=None, files=None):
        initial = {
            "valid_until": self.object.valid_until,
            "note": self.object.note,
            "version": self.object.version,
        }
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = form.cleaned_data
        return services.update_grant(
            self.object,
            actor=self.request.user,
            expected_version=data["version"],
            valid_until=data["valid_until"],
            note=data["note"],
        )


class GrantRevokeView(ServiceActionView):
    form_class = forms.RevokeForm
    button_class = "btn-danger"

    def load(self):
        self.object = access.get_grant_for(self.request.user, self.kwargs["pk"], "change")
        self.title = _("Revoke “%(grant)s”") % {"grant": self.object}
        self.explanation = _("The role ends now. The grant stays on record with who revoked it.")
        self.button_label = _("Revoke")

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.revoke_grant(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
