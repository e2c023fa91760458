"""The upload page in headless Chromium: the form posts, the job page shows progress, then the report."""
from __future__ import annotations

import pytest

from factionmap.web import create_app

from .conftest import LiveServer, Watched

pytestmark = pytest.mark.browser


def test_upload_then_follow_the_job_to_its_report(browser, store):
    with LiveServer(create_app(store, allow_upload=True, bind_host="127.0.0.1")) as server:
        context = browser.new_context(base_url=server.url)
        page = Watched(context.new_page())
        try:
            page.page.goto("/upload")
            page.page.fill("#title", "A pasted note")
            page.page.fill("#text", "The Eastern Brigade split from the Northern Front in 2021.")
            page.page.click("#upload-submit")
            page.page.wait_for_url("**/uploads/*")
            page.page.wait_for_selector("#upload-result", timeout=120_000)  # the script reloads it when done
            assert "1" in page.page.inner_text("#upload-result strong")
            assert page.page.locator("#upload-result a", has_text="A pasted note").count() == 1
            assert page.errors == [] and page.dialogs == []
        finally:
            context.close()
