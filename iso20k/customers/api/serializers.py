"""API shapes of customers and their contacts."""

from rest_framework import serializers

from ..models import Customer, CustomerContact


class ContactSerializer(serializers.ModelSerializer):
    customer = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = CustomerContact
        fields = ["id", "customer", "name", "title", "email", "phone", "is_primary", "version"]
        read_only_fields = fields


class CustomerSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:customer-detail", lookup_field="code")
    display = serializers.CharField(source="__str__", read_only=True)
    contacts = ContactSerializer(many=True, read_only=True)

    class Meta:
        model = Customer
        fields = [
            "code",
            "url",
            "display",
            "name_en",
            "name_zh_hans",
            "notes",
            "is_active",
            "contacts",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class CustomerWriteSerializer(serializers.Serializer):
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    name_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    notes = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class CustomerCreateSerializer(CustomerWriteSerializer):
    code = serializers.CharField(max_length=40)


class ContactWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150, required=False)
    title = serializers.CharField(max_length=150, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=50, required=False, allow_blank=True)
    is_primary = serializers.BooleanField(required=False)


class ContactCreateSerializer(ContactWriteSerializer):
    customer = serializers.SlugRelatedField(slug_field="code", queryset=Customer.objects.all())
    name = serializers.CharField(max_length=150)
