"""Enqueue periodic jobs when they are due (run one per machine, beside db_worker)."""

import time

from django.core.management.base import BaseCommand

from iso20k.core import scheduling


class Command(BaseCommand):
    help = "Enqueue periodic background jobs when due. Safe to run on several machines."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Check once, then exit.")
        parser.add_argument("--interval", type=int, default=30, help="Seconds between checks.")

    def handle(self, *args, once: bool, interval: int, **options):
        while True:
            for name in scheduling.enqueue_due():
                self.stdout.write(f"enqueued {name}")
            if once:
                return
            time.sleep(interval)
