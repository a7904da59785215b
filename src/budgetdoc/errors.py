"""Errors the user can act on. The CLI prints their message on one line and exits 2."""


class InputError(Exception):
    """The input cannot be read as a disclosure: missing, unreadable, empty, binary, too big."""
