"""Reading a plan appendix: readers of each format into raw tables, column roles, the parser."""
