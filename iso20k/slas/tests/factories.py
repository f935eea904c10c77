import factory
from factory.django import DjangoModelFactory

from iso20k.calendars.tests.factories import CalendarFactory
from iso20k.slas.models import ServiceLevelAgreement, SlaTarget

# priority: (response minutes, resolution minutes)
STANDARD_TARGETS = {
    "P1": (30, 240),
    "P2": (60, 480),
    "P3": (120, 1440),
    "P4": (240, 2880),
}


class AgreementFactory(DjangoModelFactory[ServiceLevelAgreement]):
    class Meta:
        model = ServiceLevelAgreement
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"sla-{n}")
    name_en = factory.Sequence(lambda n: f"Agreement {n}")
    name_zh_hans = factory.Sequence(lambda n: f"协议{n}")
    calendar = factory.SubFactory(CalendarFactory)
    pause_statuses = factory.LazyFunction(lambda: ["awaiting_customer"])
    warning_percent = 75

    @factory.post_generation
    def targets(self, create, extracted, **kwargs):
        if not create:
            return
        for priority, (response, resolution) in (extracted or STANDARD_TARGETS).items():
            SlaTarget.objects.create(
                agreement=self,
                priority=priority,
                response_minutes=response,
                resolution_minutes=resolution,
            )
