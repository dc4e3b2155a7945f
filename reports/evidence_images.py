"""Evidence images prepared on worker threads while the report is laid out.

Decoding 50 screenshots is most of the work of a report, and laying out the
pages is most of the rest; they overlap here. Each image's place on the page
is known from the item's pixel size alone, so the layout goes ahead and waits
for an image's file only when the page that shows it is drawn. Pillow decodes
and resizes without holding the interpreter lock, so the worker threads run
beside the layout.

Each prepared image is a ready-made PDF image stream (a PNG screenshot's own
compressed pixels, or a JPEG), embedded once and drawn for the thumbnail and
each exhibit part (:mod:`reports.pdf_image`); nothing is decoded or
compressed on the rendering thread, and nothing is written to disk.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from reportlab.platypus import Flowable

from reports.exhibit_plan import ExhibitPlan, Part, plan_exhibit
from reports.images import PrintImage, prepare
from reports.model import Arrivals, EvidenceItem, Progress
from reports.pdf_image import draw_image


class EvidenceImages:
    """The evidence images of one report, prepared in the background.

    Use as a context manager: leaving it stops the workers (also on error).
    """

    def __init__(
        self,
        items: tuple[EvidenceItem, ...],
        box: tuple[float, float],
        *,
        progress: Progress | None = None,
        total: int = 0,
        arrivals: Arrivals | None = None,
    ) -> None:
        self._items = items
        self._arrivals = arrivals
        pending = arrivals.pending if arrivals is not None else frozenset()
        self._box = box
        self._progress = progress
        self._total = total
        self._ready: dict[int, PrintImage] = {}
        workers = max(1, min(4, os.cpu_count() or 1, len(items)))
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report-image")
        self._futures: list[Future[PrintImage] | None] = [
            self._pool.submit(self._prepare, index, item)
            if item.image or index in pending
            else None
            for index, item in enumerate(items)
        ]

    def __enter__(self) -> EvidenceImages:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _scale(self, width: int, height: int) -> float:
        return plan_exhibit(width, height, *self._box).scale

    def _prepare(self, index: int, item: EvidenceItem) -> PrintImage:
        """On a worker thread: the image at its exhibit scale, as a PDF image stream.

        An image still to arrive is waited for here, off the layout's thread.
        """
        data = item.image
        if not data and self._arrivals is not None:
            data = self._arrivals.image(index)
        return prepare(data, *self._box, label=item.item_id, scale=self._scale)

    def has_image(self, index: int) -> bool:
        """Whether item ``index`` has an image to show."""
        return self._futures[index] is not None

    def ready(self, index: int) -> PrintImage:
        """The prepared image of item ``index``, waiting for it if need be.

        Raises the ReportError of an unreadable image. Reports progress the
        first time each image is used (on the calling, rendering thread).
        """
        found = self._ready.get(index)
        if found is None:
            future = self._futures[index]
            if future is None:
                raise ValueError(f"evidence item {index} has no image")
            found = self._ready[index] = future.result()
            if self._progress is not None:
                self._progress(len(self._ready), self._total)
        return found

    def _pixels(self, index: int) -> tuple[int, int]:
        """The image's pixel size: the item's, or the decoded image's if it has none."""
        item = self._items[index]
        if item.width > 0 and item.height > 0:
            return item.width, item.height
        image = self.ready(index)
        return image.width_px, image.height_px

    def plan(self, index: int) -> ExhibitPlan:
        """How item ``index`` is printed as an exhibit: its scale and parts."""
        return plan_exhibit(*self._pixels(index), *self._box)

    def _size(self, index: int) -> tuple[float, float]:
        """Printed size of the whole image at its exhibit scale."""
        width, height = self._pixels(index)
        scale = self.plan(index).scale
        return width * scale, height * scale

    def part(self, index: int, part: Part) -> Flowable:
        """One part of item ``index``'s image at its exhibit scale."""
        width, height = self._pixels(index)
        scale = self.plan(index).scale
        return _PendingImage(
            self, index, part.width * scale, part.height * scale,
            whole=(width * scale, height * scale),
            offset=(part.left * scale, (height - part.top - part.height) * scale),
        )  # fmt: skip

    def flowable(self, index: int, max_width: float, max_height: float) -> Flowable:
        """Item ``index``'s image at its printed size, shrunk to fit ``max_*``."""
        width, height = self._size(index)
        scale = min(max_width / width, max_height / height, 1.0)
        return _PendingImage(self, index, width * scale, height * scale)

    def finish(self) -> None:
        """Wait for every image (so a broken one is reported even if never drawn)."""
        for index, future in enumerate(self._futures):
            if future is not None:
                self.ready(index)


class _PendingImage(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """An image whose size is known now and whose file is awaited when drawn."""

    def __init__(
        self,
        images: EvidenceImages,
        index: int,
        width: float,
        height: float,
        *,
        whole: tuple[float, float] | None = None,
        offset: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        super().__init__()
        self._images = images
        self._index = index
        self.drawWidth = width
        self.drawHeight = height
        #: For a part: the whole image's printed size and the part's place in it.
        self._whole = whole
        self._offset = offset
        self.hAlign = "CENTER"

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        image = self._images.ready(self._index)
        key = f"Evidence{self._index}"
        if self._whole is not None:
            # One part: the whole image drawn shifted, clipped to the part (embedded once).
            clip = self.canv.beginPath()
            clip.rect(0, 0, self.drawWidth, self.drawHeight)
            self.canv.clipPath(clip, stroke=0, fill=0)
            draw_image(self.canv, key, image, -self._offset[0], -self._offset[1], *self._whole)
            return
        # A wrong pixel size on the item only letterboxes the image, never stretches it.
        draw_image(self.canv, key, image, 0, 0, self.drawWidth, self.drawHeight)

    def __repr__(self) -> str:
        return f"<evidence image {self._index}>"
