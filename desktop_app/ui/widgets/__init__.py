"""The panes and widgets the main window and the dialogs are built of."""
