"""Repeated passages: find near-duplicate paragraphs and sentences, remove the later copy, report it."""
