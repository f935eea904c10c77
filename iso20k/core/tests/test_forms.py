"""Long selects: drawn in Python exactly as the template draws them, and read in one query."""

import re

import pytest
from django import forms
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.safestring import mark_safe
from django.utils.translation import override

from iso20k.accounts.models import PERSON_FIELDS, User, person_label
from iso20k.core.forms import OptionChoiceField, OptionList
from iso20k.core.forms_renderer import SELECT_TEMPLATE
from iso20k.core.i18n import NAME_FIELDS, name_or_code
from iso20k.customers.models import Customer


def _squeeze(markup: str) -> str:
    return re.sub(r">\s+<", "><", markup.strip())


@pytest.mark.parametrize(
    ("choices", "value"),
    [
        ([("", "Any"), ("a", "Alpha & <b>"), ("b", 'Quote " here')], "b"),
        ([("Network", [("1", "Router"), ("2", "Switch")]), ("3", "Other")], "2"),
        ([(1, "One"), (2, mark_safe("<em>Two</em>"))], None),
    ],
)
def test_python_select_matches_the_template(choices, value):
    widget = forms.Select(
        attrs={"class": "form-select-sm", "aria-describedby": "help", "required": True},
        choices=choices,
    )
    ours = widget.render("pick", value, {"id": "id_pick"})
    context = widget.get_context("pick", value, {"id": "id_pick"})
    template = render_to_string(SELECT_TEMPLATE, context)
    assert _squeeze(ours) == _squeeze(template)
    assert "&lt;b&gt;" in ours or "Alpha" not in ours


def test_multiple_select_marks_every_chosen_option():
    widget = forms.SelectMultiple(choices=[("a", "A"), ("b", "B"), ("c", "C")])
    markup = widget.render("many", ["a", "c"])
    assert 'value="a" selected' in markup and 'value="c" selected' in markup
    assert 'value="b">' in markup
    assert " multiple" in markup


@pytest.mark.django_db
def test_option_list_reads_once_and_labels_in_the_readers_language():
    Customer.objects.create(code="acme", name_en="Acme", name_zh_hans="极致")
    Customer.objects.create(code="zeta", name_en="", name_zh_hans="泽塔")
    options = OptionList(Customer.objects.order_by("code"), NAME_FIELDS, name_or_code)

    class Pick(forms.Form):
        customer = OptionChoiceField(queryset=Customer.objects.none(), empty_label="Any")

        def __init__(self, data=None):
            super().__init__(data)
            self.fields["customer"].use(options)

    with override("zh-hans"), CaptureQueriesContext(connection) as captured:
        first, second = str(Pick()["customer"]), str(Pick()["customer"])
    assert len(captured.captured_queries) == 1
    assert first == second
    assert ">极致</option>" in first and ">泽塔</option>" in first
    with override("en"):
        labels = [
            label for _pk, label in OptionList(options.queryset, NAME_FIELDS, name_or_code).pairs
        ]
    assert labels == ["Acme", "泽塔"]  # an empty English name falls back to the other language


@pytest.mark.django_db
def test_option_choice_field_validates_against_the_queryset():
    kept = Customer.objects.create(code="kept", name_en="Kept")
    gone = Customer.objects.create(code="gone", name_en="Gone", is_active=False)
    options = OptionList(Customer.objects.filter(is_active=True), NAME_FIELDS, name_or_code)

    class Pick(forms.Form):
        customer = OptionChoiceField(queryset=Customer.objects.none())

        def __init__(self, data=None):
            super().__init__(data)
            self.fields["customer"].use(options)

    good = Pick({"customer": str(kept.pk)})
    assert good.is_valid() and good.cleaned_data["customer"] == kept
    bad = Pick({"customer": str(gone.pk)})
    assert not bad.is_valid() and "customer" in bad.errors
    rendered = str(Pick({"customer": str(kept.pk)})["customer"])
    assert f'value="{kept.pk}" selected' in rendered


@pytest.mark.django_db
@pytest.mark.parametrize("chosen", [None, "", "first"])
def test_an_option_select_draws_what_the_select_template_draws(chosen):
    first = Customer.objects.create(code="a&b", name_en='A & "B" <co>')
    Customer.objects.create(code="c", name_en="C")
    options = OptionList(Customer.objects.order_by("code"), NAME_FIELDS, name_or_code)
    field = OptionChoiceField(queryset=Customer.objects.none(), empty_label="Any & all")
    field.use(options)
    value = first.pk if chosen == "first" else chosen
    attrs = {"id": "id_customer", "aria-describedby": "hint"}
    ours = field.widget.render("customer", value, attrs)
    plain = forms.Select(choices=list(field.choices))
    context = plain.get_context("customer", value, attrs)
    assert _squeeze(ours) == _squeeze(render_to_string(SELECT_TEMPLATE, context))


@pytest.mark.django_db
def test_person_label_is_how_a_user_is_called():
    named = User.objects.create(username="li", first_name="Li", last_name="Wei")
    shown = User.objects.create(username="wang", display_name="Wang (desk)")
    bare = User.objects.create(username="zhao")
    rows = {row["pk"]: row for row in User.objects.values("pk", *PERSON_FIELDS)}
    for user in (named, shown, bare):
        assert person_label(rows[user.pk]) == str(user)
    assert [str(u) for u in (named, shown, bare)] == ["Li Wei", "Wang (desk)", "zhao"]
