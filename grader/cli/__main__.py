"""``python -m renshu.grader.cli``: the CLI without the study app (use ``python -m renshu``)."""

import sys

from renshu.grader.cli.main import main

sys.exit(main())
