from django.urls import path

from .views import GrantViewSet, MeView, TokenLoginView, TokenLogoutView, UserViewSet


def register(router) -> None:
    router.register("users", UserViewSet, basename="user")
    router.register("grants", GrantViewSet, basename="grant")


extra_urls = [
    path("me/", MeView.as_view(), name="me"),
    path("auth/token/", TokenLoginView.as_view(), name="token-login"),
    path("auth/token/logout/", TokenLogoutView.as_view(), name="token-logout"),
]
