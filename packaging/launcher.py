"""Entry script of the frozen program (build.spec): the same as `python -m desktop_app`."""

from desktop_app.cli import main

raise SystemExit(main())
