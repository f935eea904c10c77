import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from iso20k.problems.models import KnownError, Problem


class ProblemFactory(DjangoModelFactory[Problem]):
    class Meta:
        model = Problem

    subject = factory.Sequence(lambda n: f"Problem {n}")
    category = "database"
    priority = "P3"
    reported_at = factory.LazyFunction(timezone.now)


class KnownErrorFactory(DjangoModelFactory[KnownError]):
    class Meta:
        model = KnownError

    title = factory.Sequence(lambda n: f"Known error {n}")
    symptoms = "Login page hangs"
    workaround = "Clear the session cache"
    category = "software"
    published_at = factory.LazyFunction(timezone.now)
