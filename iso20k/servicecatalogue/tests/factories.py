import factory
from factory.django import DjangoModelFactory

from iso20k.accounts.tests.factories import UserFactory
from iso20k.servicecatalogue.choices import ServiceStatus
from iso20k.servicecatalogue.models import RequestItem, Service

VM_FIELDS = [
    {
        "name": "size",
        "type": "choice",
        "label_en": "Size",
        "label_zh_hans": "规格",
        "required": True,
        "choices": [
            {"value": "small", "label_en": "Small", "label_zh_hans": "小"},
            {"value": "large", "label_en": "Large", "label_zh_hans": "大"},
        ],
    },
    {"name": "purpose", "type": "long_text", "label_en": "Purpose", "required": False},
]


class ServiceFactory(DjangoModelFactory[Service]):
    class Meta:
        model = Service

    code = factory.Sequence(lambda n: f"SVC-{n}")
    name_en = factory.Sequence(lambda n: f"Service {n}")
    name_zh_hans = factory.Sequence(lambda n: f"服务{n}")
    owner = factory.SubFactory(UserFactory)
    status = ServiceStatus.LIVE

    class Params:
        pipeline = factory.Trait(status=ServiceStatus.PIPELINE)
        retired = factory.Trait(status=ServiceStatus.RETIRED)


class RequestItemFactory(DjangoModelFactory[RequestItem]):
    class Meta:
        model = RequestItem

    service = factory.SubFactory(ServiceFactory)
    code = factory.Sequence(lambda n: f"item-{n}")
    name_en = factory.Sequence(lambda n: f"Item {n}")
    name_zh_hans = factory.Sequence(lambda n: f"请求项{n}")
    fields = factory.LazyFunction(lambda: list(VM_FIELDS))
    fulfilment_target_minutes = 480
