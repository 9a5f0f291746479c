"""Edits already imported count as their share of their commit's change (expertise.Evidence.change_share);
the nightly rescoring then counts them so."""

from django.db import migrations
from django.db.models import Count


def share_imported_changes(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Evidence = apps.get_model("expertise", "Evidence")
    HistoryEdit = apps.get_model("imports", "HistoryEdit")
    source_type = ContentType.objects.filter(app_label="imports", model="historyedit").first()
    if source_type is None:
        return
    sizes = dict(HistoryEdit.objects.values("commit").annotate(pages=Count("id")).values_list("commit", "pages"))
    by_size: dict[int, list[int]] = {}
    for pk, commit in HistoryEdit.objects.values_list("pk", "commit").iterator(chunk_size=5000):
        if sizes[commit] > 1:
            by_size.setdefault(sizes[commit], []).append(pk)
    for size, edits in by_size.items():
        for start in range(0, len(edits), 900):
            Evidence.objects.filter(source_type=source_type, source_id__in=edits[start : start + 900]).update(
                change_share=round(1 / size, 4)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("expertise", "0008_evidence_change_share"),
        ("imports", "0002_history_file"),
    ]

    operations = [migrations.RunPython(share_imported_changes, migrations.RunPython.noop)]
