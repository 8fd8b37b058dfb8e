"""Entry script of the frozen program (build.spec): the same as `python -m desktop_app`."""

import multiprocessing

# A province's folder import reads packages in a second process (desktop_app.services.package_contents):
# started from this same executable, it must run that work and not the program.
multiprocessing.freeze_support()

from desktop_app.cli import main  # noqa: E402

raise SystemExit(main())
