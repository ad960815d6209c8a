"""Spelling and grammar checks through a local LanguageTool HTTP server."""
