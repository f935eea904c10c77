"""Form renderer: every form and widget uses the project's Tabler-styled templates.

A select is drawn in Python instead of through its template: a queue's filter form carries
several hundred options (services, agents, customers), and one template include per option
cost more than the rest of the page together. The markup is the template's
(templates/django/forms/widgets/select.html), which a test keeps equal to this.
"""

import html

from django.forms.renderers import TemplatesSetting
from django.utils.safestring import mark_safe

SELECT_TEMPLATE = "django/forms/widgets/select.html"


def _esc(value) -> str:
    """conditional_escape without its lazy-string wrapper (a few microseconds per option)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _attrs(attrs: dict, skip: str = "") -> str:
    parts = []
    for name, value in attrs.items():
        if name == skip or value is False:
            continue
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{_esc(value)}"')
    return "".join(parts)


def select_tag(name: str, attrs: dict, options: str) -> str:
    """<select> around ready option markup, with the template's classes and attributes."""
    css = attrs.get("class")
    return mark_safe(
        f'<select name="{_esc(name)}" class="form-select{" " + _esc(css) if css else ""}"'
        f"{_attrs(attrs, 'class')}>{options}</select>"
    )


def render_select(widget: dict) -> str:
    out = []
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            out.append(f'<optgroup label="{_esc(group_name)}">')
        for option in options:
            out.append(
                f'<option value="{_esc(option["value"])}"'
                f"{_attrs(option['attrs'])}>{_esc(option['label'])}</option>"
            )
        if group_name:
            out.append("</optgroup>")
    return select_tag(widget["name"], widget["attrs"], "".join(out))


class FormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"

    def render(self, template_name, context, request=None):
        if template_name == SELECT_TEMPLATE:
            return render_select(context["widget"])
        return super().render(template_name, context, request)
