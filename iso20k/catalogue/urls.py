from django.urls import path, re_path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("", views.clause_list, name="clause-list"),
    re_path(
        r"^(?P<number>(?:[4-9]|10)(?:\.\d{1,2}){0,3})/$", views.clause_detail, name="clause-detail"
    ),
]
