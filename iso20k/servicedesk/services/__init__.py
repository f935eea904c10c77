"""Services of the service desk: support groups and saved filters, and the lifecycle and
conversation every ticket type shares (used by the incidents and servicerequests apps),
with the monthly figures and e-mail they keep."""
