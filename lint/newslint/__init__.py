"""newslint: an editorial style and fact-flag linter for newsrooms."""

__version__ = "0.1.0"
