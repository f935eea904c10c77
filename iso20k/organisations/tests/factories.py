import factory
from factory.django import DjangoModelFactory

from iso20k.organisations.models import Organisation, Site


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        django_get_or_create = ("singleton",)

    singleton = True
    name_en = "Example Services Ltd."
    name_zh_hans = "示例服务有限公司"


class SiteFactory(DjangoModelFactory[Site]):
    class Meta:
        model = Site

    organisation = factory.SubFactory(OrganisationFactory)
    name_en = factory.Sequence(lambda n: f"Site {n}")
    name_zh_hans = factory.Sequence(lambda n: f"站点 {n}")
