from .views import (
    AttendanceViewSet,
    CompetenceRecordViewSet,
    CompetenceRequirementViewSet,
    CompetenceViewSet,
    CourseViewSet,
    TrainingSessionViewSet,
)


def register(router) -> None:
    router.register("competences", CompetenceViewSet, basename="competence")
    router.register("courses", CourseViewSet, basename="course")
    router.register("training-sessions", TrainingSessionViewSet, basename="training-session")
    router.register("attendances", AttendanceViewSet, basename="attendance")
    router.register(
        "competence-requirements", CompetenceRequirementViewSet, basename="competence-requirement"
    )
    router.register("competence-records", CompetenceRecordViewSet, basename="competence-record")
