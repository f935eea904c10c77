"""URL map of the peer (django-helpdesk) while it is benchmarked; used only by peer_side."""

from django.urls import include, path

urlpatterns = [path("helpdesk/", include("helpdesk.urls"))]
