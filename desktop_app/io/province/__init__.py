"""The province comparison of communes as PDF and Excel."""
