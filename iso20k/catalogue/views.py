"""Pages of the clause catalogue: the tree with search, and one page per clause."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from iso20k.core.htmx import render_page

from . import access, querysets
from .models import Clause, ItilPractice


@login_required
def clause_list(request: HttpRequest) -> HttpResponse:
    access.check_view(request.user)
    query = request.GET.get("q", "").strip()[:100]
    practice = ItilPractice.objects.filter(pk=request.GET.get("practice", "")).first()
    results = None
    if query:
        results = list(querysets.search(query).select_related("parent"))
    elif practice:
        results = list(practice.clauses.current().select_related("parent"))
    context = {
        "query": query,
        "practice": practice,
        "results": results,
        "tree": querysets.clause_tree() if results is None else [],
        "total": Clause.objects.current().count(),
    }
    return render_page(request, "catalogue/clause_list.html", context, partial="results")


@login_required
def clause_detail(request: HttpRequest, number: str) -> HttpResponse:
    access.check_view(request.user)
    clause = (
        Clause.objects.current()
        .select_related("parent__parent__parent")
        .prefetch_related("itil_practices")
        .filter(number=number)
        .first()
    )
    if clause is None:
        raise Http404
    siblings = list(
        Clause.objects.current()
        .filter(parent_id=clause.parent_id)
        .only("number", "title_en", "title_zh_hans", "sort_key")
    )
    position = [s.pk for s in siblings].index(clause.pk)
    ancestors = []
    parent = clause.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent
    context = {
        "clause": clause,
        "ancestors": ancestors,
        "children": clause.children.current(),
        "information": clause.required_information.filter(is_current=True),
        "practices": clause.itil_practices.all(),
        "previous": siblings[position - 1] if position > 0 else None,
        "next": siblings[position + 1] if position + 1 < len(siblings) else None,
    }
    return render_page(request, "catalogue/clause_detail.html", context)
