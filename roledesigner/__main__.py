"""`python -m roledesigner` runs the command line."""

import multiprocessing

from roledesigner.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a bundled app's export workers must not start another app
    raise SystemExit(main())
