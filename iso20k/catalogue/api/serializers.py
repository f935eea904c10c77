"""Read-only API representation of the clause catalogue."""

from rest_framework import serializers

from ..models import Clause, ItilPractice, RequiredInformation


class RequiredInformationSerializer(serializers.ModelSerializer):
    class Meta:
        model = RequiredInformation
        fields = ["code", "kind", "title_en", "title_zh_hans"]


class ItilPracticeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ItilPractice
        fields = ["id", "group", "name_en", "name_zh_hans", "summary_en", "summary_zh_hans"]


class ClauseSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:clause-detail", lookup_field="number")
    parent = serializers.SlugRelatedField(slug_field="number", read_only=True)
    required_information = RequiredInformationSerializer(many=True, read_only=True)
    itil_practices = serializers.SlugRelatedField(slug_field="id", many=True, read_only=True)

    class Meta:
        model = Clause
        fields = [
            "id",
            "url",
            "number",
            "parent",
            "level",
            "title_en",
            "title_zh_hans",
            "summary_en",
            "summary_zh_hans",
            "assessable",
            "amendment",
            "required_information",
            "itil_practices",
        ]
