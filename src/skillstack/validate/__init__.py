"""`skillstack validate`: every check over catalog files, as located problems."""
