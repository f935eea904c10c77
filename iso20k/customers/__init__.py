"""Customer organisations and their people: the customer role is scoped to one organisation.

access.customer_ids_of(user) / access.customers_of(user) tell ticket apps which customer
organisations a signed-in customer may see; everything else about customers is internal.
"""
