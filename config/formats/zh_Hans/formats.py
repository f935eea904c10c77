# Chinese: Django's own date formats, with amounts grouped by thousands as in Chinese
# financial statements (475,000.00). Anything not set here falls back to Django's zh_Hans.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
