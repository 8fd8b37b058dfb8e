"""Readers and writers of files; no Qt, no database."""
