"""Daily check that calendars following a region have its official holidays for the coming
year; administrators are told once per region and year (dedupe key) while data is missing."""

from datetime import timedelta

from django.db import transaction
from django.tasks import task

from iso20k.core import scheduling
from iso20k.core.context import change_context


@task
def warn_missing_holiday_data() -> int:
    from django.utils import timezone

    from iso20k.accounts.querysets import administrators
    from iso20k.notifications.services import queue_email

    from .choices import DataSource
    from .models import BusinessCalendar
    from .querysets import region_warnings

    today = timezone.localdate()
    following = BusinessCalendar.objects.filter(is_active=True).exclude(holiday_region="")
    regions = set(following.values_list("holiday_region", flat=True))
    queued = 0
    with change_context("task"), transaction.atomic():
        for region, items in region_warnings(regions, today).items():
            for item in items:
                for admin in administrators():
                    sent = queue_email(
                        recipient=admin,
                        template="holiday_data_missing",
                        context={
                            "region": region,
                            "year": item["year"],
                            "estimated": item["source"] == DataSource.ESTIMATE,
                            "days_until": item["days_until"],
                        },
                        dedupe_key=f"holiday-data:{region}:{item['year']}:{admin.pk}",
                    )
                    queued += sent is not None
    return queued


scheduling.every(warn_missing_holiday_data, timedelta(days=1), first_delay=timedelta(minutes=5))
