"""The database side of the exchange of data packages: which rows travel, reading and writing them by UUID, checking them."""
