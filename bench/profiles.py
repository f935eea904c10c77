"""Benchmark profiles: how much data each builds (documented in docs/benchmarks.md)."""

from dataclasses import asdict, dataclass

from .corpus import Shape


@dataclass(frozen=True)
class Profile:
    name: str
    incidents: int
    requests: int
    problems: int
    services: int
    groups: int
    agents: int
    customers: int
    months: int
    seed: int = 20261124
    # Rough size of one built database (bytes), for the free-disk check.
    bytes_per_db: int = 0

    def incident_shape(self) -> Shape:
        return Shape(
            tickets=self.incidents,
            months=self.months,
            services=self.services,
            groups=self.groups,
            agents=self.agents,
            customers=self.customers,
            seed=self.seed,
        )

    def request_shape(self) -> Shape:
        return Shape(
            tickets=self.requests,
            months=self.months,
            services=self.services,
            groups=self.groups,
            agents=self.agents,
            customers=self.customers,
            seed=self.seed + 1,
        )

    def as_dict(self) -> dict:
        return asdict(self)


PROFILES = {
    "default": Profile(
        "default",
        incidents=500_000,
        requests=200_000,
        problems=20_000,
        services=300,
        groups=40,
        agents=200,
        customers=60,
        months=30,
        bytes_per_db=9 * 1024**3,
    ),
    "small": Profile(
        "small",
        incidents=20_000,
        requests=8_000,
        problems=800,
        services=60,
        groups=12,
        agents=40,
        customers=20,
        months=12,
        bytes_per_db=600 * 1024**2,
    ),
    "tiny": Profile(
        "tiny",
        incidents=2_000,
        requests=800,
        problems=80,
        services=60,
        groups=12,
        agents=40,
        customers=20,
        months=12,
        bytes_per_db=120 * 1024**2,
    ),
}
