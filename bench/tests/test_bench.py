"""The benchmark's builder and scenarios on a few hundred tickets: the history chain it
writes verifies, and no page's query count grows with the number of rows."""

import dataclasses

import pytest

from bench import preflight, scenarios
from bench.build import Builder
from bench.profiles import PROFILES
from iso20k.history.services import verify_chain
from iso20k.incidents.models import Incident

pytestmark = [pytest.mark.bench, pytest.mark.django_db]
MICRO = dataclasses.replace(PROFILES["tiny"], name="micro", incidents=60, requests=20, problems=4)


def query_counts() -> dict[str, int]:
    rows = [
        (spec["name"], scenarios.timed(spec["action"], runs=1)[1])
        for spec in scenarios.scenario_list(MICRO)
    ]
    rows += [(row["name"], row["queries"]) for row in scenarios.write_scenarios(runs=1)]
    return dict(rows)


def test_built_history_chain_verifies_and_query_counts_do_not_grow_with_rows():
    Builder(MICRO, out=lambda _line: None).run()
    report = verify_chain()
    assert report.ok, report.reason
    smaller = query_counts()
    Builder(
        dataclasses.replace(MICRO, incidents=300, seed=MICRO.seed + 1), out=lambda _l: None
    ).run()
    assert Incident.objects.count() > 300
    assert verify_chain().ok
    assert query_counts() == smaller


def test_unknown_profile_is_one_clear_line():
    with pytest.raises(preflight.BenchError, match="unknown profile 'huge'"):
        preflight.profile("huge")
