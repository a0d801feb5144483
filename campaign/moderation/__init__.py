"""Moderation: review queue, duplicate merges, edits, audit log, imports, readiness."""
