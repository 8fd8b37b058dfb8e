"""Pure rules: Vietnamese text, targets, deadlines, numbering, assessment."""
