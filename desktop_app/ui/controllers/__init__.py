"""The main window's parts: each owns its actions and menu and runs its use cases."""
