"""Build stage: which sources, which outputs, and writing them safely."""
