"""The clause catalogue of ISO/IEC 20000-1:2018 (with Amd 1:2024) and the ITIL 4 practices.

Reference data loaded from data/*.yaml by services.load_catalogue: clause numbers and
titles are the standard's; summaries are our own words. Other apps point at clauses by
their stable id (e.g. "iso20000-1:2018:8.6.1").
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import BilingualMixin

from .choices import InformationKind, PracticeGroup


class ItilPractice(BilingualMixin, models.Model):
    """One of the 34 ITIL 4 management practices."""

    id = models.SlugField(_("id"), max_length=64, primary_key=True)
    group = models.CharField(_("group"), max_length=16, choices=PracticeGroup.choices)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=120)
    summary_en = models.TextField(_("summary (English)"))
    summary_zh_hans = models.TextField(_("summary (Chinese)"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("ITIL 4 practice")
        verbose_name_plural = _("ITIL 4 practices")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.localized("name")

    def get_absolute_url(self) -> str:
        return reverse("catalogue:clause-list") + f"?practice={self.pk}"


class ClauseQuerySet(models.QuerySet):
    def current(self) -> "ClauseQuerySet":
        return self.filter(is_current=True)

    def assessable(self) -> "ClauseQuerySet":
        return self.current().filter(assessable=True)


class Clause(BilingualMixin, models.Model):
    """A clause or sub-clause of ISO/IEC 20000-1:2018, down to the fourth level."""

    id = models.CharField(_("id"), max_length=64, primary_key=True)
    number = models.CharField(_("number"), max_length=16, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    level = models.PositiveSmallIntegerField(_("level"))
    sort_key = models.CharField(_("sort key"), max_length=16, db_index=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_zh_hans = models.CharField(_("title (Chinese)"), max_length=200)
    summary_en = models.TextField(_("summary (English)"))
    summary_zh_hans = models.TextField(_("summary (Chinese)"))
    assessable = models.BooleanField(_("rated in gap assessments"), default=False)
    amendment = models.CharField(_("amended by"), max_length=32, blank=True)
    itil_practices = models.ManyToManyField(
        ItilPractice, blank=True, related_name="clauses", verbose_name=_("ITIL 4 practices")
    )
    search_text = models.TextField(_("search text"), editable=False, default="")
    is_current = models.BooleanField(_("in the current catalogue"), default=True)

    objects = ClauseQuerySet.as_manager()

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return f"{self.number} {self.localized('title')}"

    def get_absolute_url(self) -> str:
        return reverse("catalogue:clause-detail", args=[self.number])

    @property
    def top_number(self) -> str:
        return self.number.split(".")[0]


class RequiredInformation(BilingualMixin, models.Model):
    """Documented information a clause asks for: a document to maintain or a record to retain."""

    code = models.SlugField(_("code"), max_length=80, primary_key=True)
    clause = models.ForeignKey(
        Clause,
        on_delete=models.PROTECT,
        related_name="required_information",
        verbose_name=_("clause"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=InformationKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_zh_hans = models.CharField(_("title (Chinese)"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_current = models.BooleanField(_("in the current catalogue"), default=True)

    class Meta:
        verbose_name = _("required documented information")
        verbose_name_plural = _("required documented information")
        ordering = ["clause__sort_key", "position"]

    def __str__(self) -> str:
        return self.localized("title")

    def get_absolute_url(self) -> str:
        return self.clause.get_absolute_url()


class CatalogueRelease(models.Model):
    """One load of the data files: digest and counts, so reloading unchanged files does nothing."""

    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)
    digest = models.CharField(_("digest"), max_length=64)
    clauses = models.PositiveIntegerField(_("clauses"))
    practices = models.PositiveIntegerField(_("practices"))
    information = models.PositiveIntegerField(_("required information"))

    class Meta:
        verbose_name = _("catalogue release")
        verbose_name_plural = _("catalogue releases")
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return f"{self.loaded_at:%Y-%m-%d} {self.digest[:12]}"
