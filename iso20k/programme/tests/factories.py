import datetime

import factory
from factory.django import DjangoModelFactory

from iso20k.accounts.tests.factories import UserFactory
from iso20k.programme.models import BudgetLine, Milestone, Programme, Task, TeamMember


class ProgrammeFactory(DjangoModelFactory[Programme]):
    class Meta:
        model = Programme

    title_en = factory.Sequence(lambda n: f"Programme {n}")
    title_zh_hans = factory.Sequence(lambda n: f"认证项目 {n}")
    purposes = factory.LazyFunction(lambda: ["service_quality"])
    starts_on = datetime.date(2025, 1, 6)
    target_on = datetime.date(2025, 12, 1)
    sponsor = factory.SubFactory(UserFactory)
    lead = factory.SubFactory(UserFactory)

    class Params:
        approved = factory.Trait(
            status="approved", approved_at=factory.LazyFunction(datetime.datetime.now)
        )


class MilestoneFactory(DjangoModelFactory[Milestone]):
    class Meta:
        model = Milestone

    programme = factory.SubFactory(ProgrammeFactory)
    stage = "plan"
    title_en = factory.Sequence(lambda n: f"Milestone {n}")
    planned_start_on = datetime.date(2025, 1, 6)
    planned_end_on = datetime.date(2025, 2, 1)


class BudgetLineFactory(DjangoModelFactory[BudgetLine]):
    class Meta:
        model = BudgetLine

    programme = factory.SubFactory(ProgrammeFactory)
    category = "training"
    description_en = factory.Sequence(lambda n: f"Line {n}")
    planned_amount = 1000


class TeamMemberFactory(DjangoModelFactory[TeamMember]):
    class Meta:
        model = TeamMember

    programme = factory.SubFactory(ProgrammeFactory)
    person = factory.SubFactory(UserFactory)
    role = "member"
    joined_on = datetime.date(2025, 1, 6)


class TaskFactory(DjangoModelFactory[Task]):
    class Meta:
        model = Task

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Task {n}")
    owner = factory.SubFactory(UserFactory)
    due_on = datetime.date(2025, 3, 1)

    class Params:
        done = factory.Trait(
            status="done", completed_at=factory.LazyFunction(datetime.datetime.now)
        )
