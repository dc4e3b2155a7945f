"""The application icon the windows and the task bar show."""

from __future__ import annotations

from app.ui.app import application_icon


def test_the_application_icon_has_every_shipped_size(qapp) -> None:
    icon = application_icon()

    sizes = sorted(size.width() for size in icon.availableSizes())
    assert sizes == [16, 24, 32, 48, 64, 128, 256, 512]
    assert not icon.pixmap(48, 48).toImage().isNull()
