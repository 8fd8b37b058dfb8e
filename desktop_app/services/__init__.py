"""Use cases the UI and CLI call: plain arguments in, plain results out; no Qt."""
