"""The WACZ's CDXJ keys: players look addresses up by their SURT form."""

from __future__ import annotations

import pytest

from app.services.capture.wacz import surt


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.Example.com/Post/1?id=7", "com,example)/post/1?id=7"),
        ("http://example.com", "com,example)/"),
        ("https://m.facebook.com:443/a", "com,facebook,m)/a"),
        ("http://127.0.0.1:8080/post.html", "127.0.0.1:8080)/post.html"),
    ],
)
def test_an_address_is_keyed_by_its_surt_form(url: str, key: str) -> None:
    assert surt(url) == key
