from django.urls import path

from .views import catalogue, people, sessions

app_name = "training"

urlpatterns = [
    path("", catalogue.overview, name="overview"),
    path("courses/new/", catalogue.CourseCreateView.as_view(), name="course-create"),
    path("courses/<int:pk>/", catalogue.CourseDetailView.as_view(), name="course-detail"),
    path("courses/<int:pk>/edit/", catalogue.CourseEditView.as_view(), name="course-edit"),
    path("competences/", catalogue.competence_list, name="competence-list"),
    path("competences/new/", catalogue.CompetenceCreateView.as_view(), name="competence-create"),
    path(
        "competences/<int:pk>/", catalogue.CompetenceDetailView.as_view(), name="competence-detail"
    ),
    path(
        "competences/<int:pk>/edit/", catalogue.CompetenceEditView.as_view(), name="competence-edit"
    ),
    path("requirements/", catalogue.RequirementListView.as_view(), name="requirement-list"),
    path(
        "requirements/<int:pk>/retire/",
        catalogue.RequirementRetireView.as_view(),
        name="requirement-retire",
    ),
    path("sessions/new/", sessions.SessionCreateView.as_view(), name="session-create"),
    path("sessions/<int:pk>/", sessions.SessionDetailView.as_view(), name="session-detail"),
    path("sessions/<int:pk>/edit/", sessions.SessionEditView.as_view(), name="session-edit"),
    path(
        "sessions/<int:pk>/hold/",
        sessions.SessionActionView.as_view(action="hold"),
        name="session-hold",
    ),
    path(
        "sessions/<int:pk>/cancel/",
        sessions.SessionActionView.as_view(action="cancel"),
        name="session-cancel",
    ),
    path("sessions/<int:pk>/invite/", sessions.invite, name="session-invite"),
    path("attendance/<int:pk>/", sessions.AttendanceDetailView.as_view(), name="attendance-detail"),
    path(
        "attendance/<int:pk>/edit/", sessions.AttendanceEditView.as_view(), name="attendance-edit"
    ),
    path(
        "attendance/<int:pk>/certificate/", sessions.add_certificate, name="attendance-certificate"
    ),
    path("matrix/", people.matrix, name="matrix"),
    path("me/", people.my_training, name="my-training"),
    path("records/new/", people.RecordCreateView.as_view(), name="record-create"),
    path("records/<int:pk>/", people.RecordDetailView.as_view(), name="record-detail"),
    path("records/<int:pk>/withdraw/", people.RecordWithdrawView.as_view(), name="record-withdraw"),
    path("records/<int:pk>/files/", people.add_record_file, name="record-file"),
]
