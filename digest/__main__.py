"""`python -m digest` runs the same entry point as the `digest` command."""

from digest.cli import main

raise SystemExit(main())
