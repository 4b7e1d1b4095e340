"""skillstack: plan micro-credential pathways from a YAML catalog."""

__version__ = "0.2.0"
