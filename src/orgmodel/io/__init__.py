"""Reading and writing organisations: one module per format."""
