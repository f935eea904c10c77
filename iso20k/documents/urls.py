from django.urls import path

from .views import library, reading, register, versions

app_name = "documents"

VERSION = "<int:pk>/v<int:number>/"


def _action(name: str):
    return path(
        f"{VERSION}{name}/",
        versions.VersionActionView.as_view(action=name),
        name=f"version-{name}",
    )


urlpatterns = [
    path("", register.DocumentListView.as_view(), name="document-list"),
    path("export.xlsx", register.register_export, name="document-export"),
    path("new/", register.DocumentCreateView.as_view(), name="document-create"),
    path("<int:pk>/", register.DocumentDetailView.as_view(), name="document-detail"),
    path("<int:pk>/edit/", register.DocumentEditView.as_view(), name="document-edit"),
    path("<int:pk>/retire/", register.DocumentRetireView.as_view(), name="document-retire"),
    path("<int:pk>/revise/", register.start_revision, name="document-revise"),
    path("<int:pk>/reading/", reading.DocumentReadingView.as_view(), name="document-reading"),
    path(VERSION, versions.VersionDetailView.as_view(), name="version-detail"),
    path(f"{VERSION}edit/", versions.VersionEditView.as_view(), name="version-edit"),
    path(f"{VERSION}export.docx", versions.version_export, name="version-export"),
    *[
        _action(name)
        for name in [
            "submit",
            "withdraw",
            "discard",
            "review",
            "approve",
            "reject",
            "confirm-review",
        ]
    ],
    path("reading/", reading.my_reading, name="my-reading"),
    path("reading/<int:pk>/confirm/", reading.AcknowledgeView.as_view(), name="acknowledge"),
    path("assignments/<int:pk>/end/", reading.EndAssignmentView.as_view(), name="assignment-end"),
    path("mandatory/", library.mandatory, name="mandatory"),
    path("mandatory/export.xlsx", library.mandatory_export, name="mandatory-export"),
    path("templates/", library.template_list, name="template-list"),
    path("templates/<slug:code>/", library.TemplateDetailView.as_view(), name="template-detail"),
    path("itil/", library.itil_mapping, name="itil"),
]
