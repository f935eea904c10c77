"""The service catalogue (8.2.4): services, their customers, the request items each offers.

querysets.live_for_customer(customer) is what the customer portal lists; fieldschema
validates request-item form definitions and builds the form a requester fills in.
"""
