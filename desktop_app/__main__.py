"""`python -m desktop_app`: the GUI, or a command when arguments are given."""

import sys

from desktop_app.cli import main

sys.exit(main())
