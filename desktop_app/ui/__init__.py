"""Qt user interface: windows, table models, dialogs."""
