"""Factories of documents: arrange state only; tests act through services or HTTP."""

import factory
from factory.django import DjangoModelFactory

from iso20k.accounts.tests.factories import UserFactory
from iso20k.documents.choices import Tier
from iso20k.documents.models import Document, DocumentVersion


class DocumentFactory(DjangoModelFactory[Document]):
    class Meta:
        model = Document

    code = factory.Sequence(lambda n: f"DOC-{n:03d}")
    tier = Tier.PROCEDURE
    title_en = factory.Sequence(lambda n: f"Procedure {n}")
    title_zh_hans = factory.Sequence(lambda n: f"程序 {n}")
    owner = factory.SubFactory(UserFactory)


class DocumentVersionFactory(DjangoModelFactory[DocumentVersion]):
    class Meta:
        model = DocumentVersion

    document = factory.SubFactory(DocumentFactory)
    number = 1
    author = factory.SelfAttribute("document.owner")
    change_summary = "First issue"
    body_en = "# Purpose\nRestore service quickly."
