import datetime

import factory
from factory.django import DjangoModelFactory

from iso20k.gaps.models import Assessment


class AssessmentFactory(DjangoModelFactory[Assessment]):
    class Meta:
        model = Assessment

    title = factory.Sequence(lambda n: f"Assessment {n}")
    assessed_on = datetime.date(2025, 2, 1)
