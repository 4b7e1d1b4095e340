"""Reporters: turn service results into text, JSON, Markdown and HTML."""
