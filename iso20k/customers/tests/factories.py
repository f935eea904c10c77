import factory
from factory.django import DjangoModelFactory

from iso20k.customers.models import Customer, CustomerContact


class CustomerFactory(DjangoModelFactory[Customer]):
    class Meta:
        model = Customer
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"customer-{n}")
    name_en = factory.Sequence(lambda n: f"Customer {n} Ltd.")
    name_zh_hans = factory.Sequence(lambda n: f"客户{n}有限公司")


class CustomerContactFactory(DjangoModelFactory[CustomerContact]):
    class Meta:
        model = CustomerContact

    customer = factory.SubFactory(CustomerFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    email = factory.Sequence(lambda n: f"contact{n}@example.com")
