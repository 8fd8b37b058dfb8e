"""Read queries (and small write helpers) behind the services, one module per view."""
