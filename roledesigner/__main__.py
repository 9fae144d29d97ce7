"""`python -m roledesigner` runs the command line."""

from roledesigner.cli import main

raise SystemExit(main())
