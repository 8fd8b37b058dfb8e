"""Excel reporting forms for a unit without the program: the sheet written and read back."""
