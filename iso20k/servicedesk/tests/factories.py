import factory
from factory.django import DjangoModelFactory

from iso20k.servicedesk.models import SavedFilter, SupportGroup


class SupportGroupFactory(DjangoModelFactory[SupportGroup]):
    class Meta:
        model = SupportGroup
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"group-{n}")
    name_en = factory.Sequence(lambda n: f"Group {n}")
    name_zh_hans = factory.Sequence(lambda n: f"小组{n}")

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)


class SavedFilterFactory(DjangoModelFactory[SavedFilter]):
    class Meta:
        model = SavedFilter

    name = factory.Sequence(lambda n: f"Filter {n}")
    kind = "incidents"
    query = "priority=P1"
