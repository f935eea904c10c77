from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("catalogue/", views.CatalogueView.as_view(), name="catalogue"),
    path("catalogue/<int:pk>/", views.RequestItemView.as_view(), name="item"),
    path("report/", views.ReportView.as_view(), name="report"),
    path("tickets/", views.TicketListView.as_view(), name="ticket-list"),
    path("tickets/<slug:desk>/", views.TicketListView.as_view(), name="ticket-list-kind"),
    path("tickets/<slug:desk>/<int:pk>/", views.TicketDetailView.as_view(), name="ticket-detail"),
    path("tickets/<slug:desk>/<int:pk>/reply/", views.ReplyView.as_view(), name="ticket-reply"),
    path("tickets/<slug:desk>/<int:pk>/rate/", views.RateView.as_view(), name="ticket-rate"),
    path("tickets/<slug:desk>/<int:pk>/reopen/", views.ReopenView.as_view(), name="ticket-reopen"),
]
