"""What renshu says, separated from what it decides.

The domain returns ``Message`` (a ``MessageCode`` and parameters); ``say`` and
``render`` word it in Japanese or English from the one catalogue. Names load on first
use, so the study app can word its first screen before pydantic is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from renshu.grader.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from renshu.grader.wording.catalogue import CATALOGUE, render, say
    from renshu.grader.wording.codes import MessageCode
    from renshu.grader.wording.message import Message, Phrase, msg, phrase_text

_EXPORTS = {
    "CATALOGUE": "catalogue",
    "render": "catalogue",
    "say": "catalogue",
    "MessageCode": "codes",
    "Message": "message",
    "Phrase": "message",
    "msg": "message",
    "phrase_text": "message",
}
__all__ = ["CATALOGUE", "Message", "MessageCode", "Phrase", "msg", "phrase_text", "render", "say"]

__getattr__ = lazy_getattr(__name__, _EXPORTS)
