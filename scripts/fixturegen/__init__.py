"""The modules of scripts/make-fixtures: source.py reads a source file, common.py
holds what the writers share, and each other module writes one format family."""
