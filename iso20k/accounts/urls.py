from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("language/", views.switch_language, name="switch-language"),
    path("me/", views.PreferencesView.as_view(), name="preferences"),
    path("me/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("me/tokens/", views.issue_token, name="token-issue"),
    path("me/tokens/<str:token_key>/revoke/", views.revoke_token, name="token-revoke"),
    path("users/", views.UserListView.as_view(), name="user-list"),
    path("users/new/", views.UserCreateView.as_view(), name="user-create"),
    path("users/<int:pk>/", views.UserDetailView.as_view(), name="user-detail"),
    path("users/<int:pk>/edit/", views.UserEditView.as_view(), name="user-edit"),
    path("users/<int:pk>/password/", views.UserSetPasswordView.as_view(), name="user-set-password"),
    path(
        "users/<int:pk>/deactivate/",
        views.UserActivationView.as_view(activate=False),
        name="user-deactivate",
    ),
    path(
        "users/<int:pk>/reactivate/",
        views.UserActivationView.as_view(activate=True),
        name="user-reactivate",
    ),
    path("users/<int:pk>/grants/new/", views.GrantCreateView.as_view(), name="grant-create"),
    path("grants/<int:pk>/", views.GrantDetailView.as_view(), name="grant-detail"),
    path("grants/<int:pk>/edit/", views.GrantEditView.as_view(), name="grant-edit"),
    path("grants/<int:pk>/revoke/", views.GrantRevokeView.as_view(), name="grant-revoke"),
]
