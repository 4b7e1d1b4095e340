"""skillstack: plan micro-credential pathways from a YAML catalog."""

__version__ = "0.7.0"
