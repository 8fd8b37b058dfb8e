"""Data packages (.cdsx) exchanged between installations: rules, reading, writing, signatures."""
