import factory
from factory.django import DjangoModelFactory

from iso20k.accounts.choices import Role, ScopeKind
from iso20k.accounts.models import Grant, User

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    display_name = factory.LazyAttribute(lambda u: u.username.title())
    password = factory.django.Password(PASSWORD)


class GrantFactory(DjangoModelFactory[Grant]):
    class Meta:
        model = Grant

    user = factory.SubFactory(UserFactory)
    role = Role.STAFF
    scope_kind = ScopeKind.ORGANISATION
    scope_ref = ""
    granted_by = factory.LazyFunction(lambda: UserFactory(username="granter"))
