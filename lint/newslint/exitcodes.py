"""Exit codes, in one place."""

CLEAN = 0
FINDINGS = 1
USAGE_OR_CONFIG = 2
