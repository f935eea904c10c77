from .views import (
    AcknowledgementViewSet,
    DocumentTemplateViewSet,
    DocumentVersionViewSet,
    DocumentViewSet,
)


def register(router) -> None:
    router.register("documents", DocumentViewSet, basename="document")
    router.register("document-versions", DocumentVersionViewSet, basename="document-version")
    router.register(
        "document-acknowledgements", AcknowledgementViewSet, basename="document-acknowledgement"
    )
    router.register("document-templates", DocumentTemplateViewSet, basename="document-template")
