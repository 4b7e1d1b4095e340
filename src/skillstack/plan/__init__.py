"""Pathway planning: the problem boundary, the exact solver and its oracle."""
