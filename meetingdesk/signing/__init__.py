"""Digital signatures on the final minutes (PAdES, with pyHanko) and their verification.

Above :mod:`meetingdesk.minutes` (it draws the visible signature with the minutes' fonts, where
the rendered PDF says each signer signs) and below the GUI; the signed copy is kept through
:mod:`meetingdesk.services.minutes_versions`.
"""
