"""The public surface: ``__all__`` is sorted and every name in it really is exported."""

from __future__ import annotations

import triangulate


def test_all_is_sorted_and_exported() -> None:
    assert triangulate.__all__ == sorted(triangulate.__all__)
    for name in triangulate.__all__:
        assert getattr(triangulate, name) is not None, name


def test_public_callables_have_docstrings() -> None:
    for name in triangulate.__all__:
        obj = getattr(triangulate, name)
        assert (obj.__doc__ or "").strip(), f"{name} has no docstring"
